# A deployments file whose need is a filter of 60,000 words (120 KB).
printf 'name,kind,country,start,end,status,needs\n'
printf 'Deep,other,SX,2026-12-01,,planning,1:'
awk 'BEGIN { for (i = 0; i < 60000; i++) printf "a " }'
printf '\n'
