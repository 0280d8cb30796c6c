# Moments of connection, linked to the circle by name.
run circle add Sam --reach "06-12345678" --helps "listens without advice"
run moment hug --with sam --seconds 10 --safe yes --effect breath --effect "shoulders, a warm wave"
run moment self --effect sigh --note "hand on my heart before the meeting"
run moment talk --with Noor --seconds 45m --safe unsure
run moment hand --safe no --effect stiffening
run moment --with Sam animal --seconds 2:30
run show 2
run show 2 --json | uids
run moment juggling
# the words people use find the kind: a cuddle is a hug
run moment cuddle
run moment hug --safe maybe
run moment hug --seconds -5
run moment hug --seconds 100000
run moment hug extra words
run moment
run list --type moment
# How long, in the words people use.
run moment hug --seconds "een paar minuten"
run moment talk --seconds "about 30 seconds"
run --lang nl moment hug --seconds "5 minuten"
# Number words are read whole, or the length is refused naming what was not
# understood: never saved as something else.
run moment talk --seconds "twenty five minutes"
run --lang nl moment talk --seconds "vijf en twintig minuten"
run --lang nl moment talk --seconds "drieëntwintig minuten"
run moment talk --seconds 0x10
run --lang nl moment talk --seconds "vijf en twintig appels"
run moment talk --seconds "1 s 1 s 1 s 1 s 1 s 1 s 1 s 1 s 1 s"
run list --type moment --limit 3
