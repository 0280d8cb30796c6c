# today: nothing yet, then the day with its last wanted touch.
run today
run moment hug --with Sam --safe yes --at 2026-11-15T18:00
run today
run moment hug --with Sam --safe no
run moment talk --with Sam --safe yes
run checkin --mood 3 --tension 2 --emotion calm --note "Quiet evening"
run today
run moment arm --safe yes --at 2026-11-19T22:00
run today
run today --json | uids
run today extra
# Living alone: a hand on one's own heart counts beside touch from others.
run moment self --safe yes --at 2026-11-20T07:00
run today
