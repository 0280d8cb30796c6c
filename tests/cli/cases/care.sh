# The lowest end of a check-in shows where help is, calmly.
run checkin --mood 1
run checkin --mood 2 --tension 5
run checkin --mood 2 --tension 4
run checkin --tension 5
run today
run --lang nl checkin --mood 1
run help
