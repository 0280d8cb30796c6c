# Reflections, and the weekly look back with an intention carried forward.
run reflect --text "The cat on my lap, in the morning sun."
run reflect --prompt kind-friend --text "That I did enough today."
run reflect --prompt nonsense --text "x"
run reflect
run week
run week --date 2026-11-09 --intention "Call Noor once."
run week --intention "Call Noor once."
run week --date 2026-11-09
run checkin --mood 2 --tension 4 --sleep-hours 6 --need rest --at 2026-11-16T08:00
run checkin --mood 4 --sleep-hours 8 --need rest --need contact --at 2026-11-17T21:00
run checkin --mood 3 --sleep-quality 3 --at 2026-11-20T09:00
run moment hug --with Sam --safe yes --at 2026-11-17T19:00
run moment talk --with Noor --at 2026-11-18T12:00
run moment hug --safe no --at 2026-11-19T12:00
run exercise start breath --seconds 3m --before 4 --after 2
run exercise start breath --seconds 2m --before 3 --after 2
run trigger --situation "Plans cancelled" --need contact --at 2026-11-19T20:00
run week
run week --intention "Rest on Sunday."
run week
run --lang nl week
run week --date 2026-11-23
run week --date 2026-13-01
run week --json | uids | head -3
run --json week --date 2026-11-16 | uids
# A Monday with nothing noted yet: the last week that holds something,
# said as such; asked for the date, the week itself.
NABIJ_NOW=2026-11-23T08:00:00+01:00 run week
NABIJ_NOW=2026-11-23T08:00:00+01:00 run week --date 2026-11-23
NABIJ_NOW=2026-11-23T08:00:00+01:00 LANGUAGE=nl run week
