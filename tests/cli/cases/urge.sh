# The night in recovery, at the terminal: the feeling "craving" without a
# strength counts as a strong craving; today keeps the urge lines until a
# later check-in says otherwise; riding the urge keeps its strength before
# and after; nabij help urge.
run checkin --emotion craving
run today
run circle add Jan --reach "+31 6 1111 2222" --helps "my sponsor" --first
run today
run exercise start urge --seconds 240 --urge-before 5 --urge-after 3
run list
# a later check-in that says nothing of the craving: the lines stay
run checkin --emotion sadness
run today
# a later check-in that says it has eased: they go
run checkin --craving 2
run today
run suggest
run exercise start urge --urge-before 6 --seconds 60
run edit 3 --urge-after 2
run show 3
run help urge
run --lang nl help urge
# Asked one by one: the feeling "craving" ticked asks how strong.
printf '\ncraving\n4\n\n\n\n\n\n\n\n\n\n\n' | run checkin -i
run list --limit 1
# The week shows the urge as tension is shown for the other exercises.
run week
