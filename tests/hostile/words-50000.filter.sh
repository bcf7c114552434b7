# 50,000 one-letter words, an AND chain.
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "a " }'
