# One suggestion and why, following the rules and the person's own history.
run suggest
run checkin --mood 4 --state calm
run suggest
run checkin --mood 3 --state shutdown
run checkin --mood 3 --emotion shame:3
run checkin --mood 3 --need safety
run checkin --mood 3 --need contact
run circle add Sam
run checkin --mood 3 --need contact
run checkin --mood 3 --need rest
run checkin --mood 4 --need softness
run checkin --mood 3 --state activated --tension 4
run exercise start grounding --seconds 2m --before 5 --after 3
run exercise start grounding --seconds 2m --before 4 --after 3
run exercise start grounding --seconds 2m --before 4 --after 2
run checkin --mood 3 --state activated --tension 4
run suggest --json
run --lang nl suggest
run moment hug --safe yes --at 2026-11-10T10:00
run checkin --mood 4 --state calm
# Not the same exercise twice in a row: after the grounding it suggested,
# the next that fits.
run checkin --tension 4 --mood 3
run exercise start grounding --seconds 120 --tension-before 4 --tension-after 3
run suggest
