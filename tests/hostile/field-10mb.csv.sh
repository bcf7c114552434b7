# A people file whose family name is a 10 MB field.
printf 'id,family_name,given_name\n11111111-1111-4111-8111-111111111111,'
head -c 10485760 /dev/zero | tr '\0' a
printf ',Anna\n'
