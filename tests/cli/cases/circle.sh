# The support circle: gentle words when it is small or large, and a card.
run circle list
run circle add Sam --reach "06-12345678" --helps "listens without advice"
run circle add
run circle add --place "The bench by the river" --helps "quiet, and a wide view of the water when everything is loud"
run circle add Noor --reach "noor@example.org"
run circle list
run circle card
run circle edit 1 --reach "06-87654321" --helps "listens, and makes tea"
run circle edit 2 --person
run circle edit 1 --name ""
run circle add Mira
run circle add "Recovery group, Tuesday" --reach "Buurthuis, 19:30"
run circle add Joris
run circle list
run checkin --mood 3
run circle remove 9
run circle remove 7
run circle edit 7 --name x
run circle remove 6 --yes
run circle remove 1
run circle dance
run circle --json | uids
# One first to call at a time: marking another says so.
run circle add Sam --reach "06-11111111" --first
run circle add Noor --reach "06-22222222" --first
run circle list
run --lang nl circle edit 8 --first
run circle edit 9 --first
run circle list
