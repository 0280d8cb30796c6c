# Exports people can use elsewhere, and deleting everything.
cp "$FIXTURES"/* .
run import daylio-en.csv
run moment hug --with Sam --safe yes
run export --format daylio
"$NABIJ" export --format daylio > mine.csv
run import mine.csv
run export --per-type byKind
head -n 2 byKind/checkin.csv | uids
head -n 2 byKind/moment.csv | uids
run export --format yaml
run forget
run forget --all
printf 'no\n' | run forget --all -i
run forget --all --yes
run list --all
run circle list
