# A deployments file whose need nests 40,000 parentheses.
printf 'name,kind,country,start,end,status,needs\n'
printf 'Deep,other,SX,2026-12-01,,planning,1:'
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "("; printf "a";
    for (i = 0; i < 40000; i++) printf ")" }'
printf '\n'
