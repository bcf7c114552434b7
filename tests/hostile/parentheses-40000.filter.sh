# 40,000 nested parentheses around one word.
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "("; printf "a";
    for (i = 0; i < 40000; i++) printf ")" }'
