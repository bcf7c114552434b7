# A people file whose notes are a 10 MB quoted field of newlines.
printf 'id,family_name,given_name,notes\n'
printf '11111111-1111-4111-8111-111111111111,Wit,Anna,"'
head -c 10485760 /dev/zero | tr '\0' '\n'
printf '"\n'
