# A header of 100,000 columns.
printf 'id,family_name,given_name'
head -c 100000 /dev/zero | tr '\0' ','
printf '\n'
