# The lowest end of a check-in shows where help is, calmly.
run checkin --mood 1
run checkin --mood 2 --tension 5
run checkin --mood 2 --tension 4
run checkin --tension 5
run today
run --lang nl checkin --mood 1
run help
# Low days that go on: ten or more of the last fourteen at 2 or lower (the
# check-ins of today above count as one day) are said once, on today and on
# the week (whose two weeks hold ten of them).
for d in 08 09 10 11 12 13 14 15 16 17; do run checkin --mood 2 --at 2026-11-${d}T20:00 >/dev/null; done
run today
run week
# After the lowest check-in that asks for someone: where help is, then the
# people of the circle one can call (a place is not called), as the page
# offers them one tap away.
run circle add Sam --reach "06-12345678"
run circle add --place "The bench" --reach "06-87654321"
run checkin --mood 1 --need contact
run --lang nl checkin --mood 1 --emotion loneliness
