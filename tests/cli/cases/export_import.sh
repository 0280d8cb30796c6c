# Export, import into an empty database, export again: the same bytes.
run circle add Sam --reach "06-12345678"
run checkin --body tension@jaw --emotion loneliness:4 --need contact --state shutdown --mood 2 \
	--sleep-hours 7.5 --tag work --note 'Line one
line two, with "quotes" and a backslash \'
run moment hug --with Sam --seconds 10 --safe yes --effect breath
run trigger --situation "Plans changed" --need safety
run export --out first.json
NABIJ_DB=other.db run import first.json
NABIJ_DB=other.db run import first.json
NABIJ_DB=other.db run export --out second.json
grep -v '"exported"' first.json > a
grep -v '"exported"' second.json > b
cmp a b && echo "the exports are identical apart from the export time"
run export | head -5
run export --format csv | uids
run export --format xml
run export extra
run import
run import missing.json
printf '{"format": "nabij",\n "version": 1,\n "records": [\n' > broken.json
run import broken.json
printf '{"format": "something-else", "version": 1, "records": []}' > other.json
run import other.json
printf '{"format": "nabij", "version": 7, "records": []}' > newer.json
run import newer.json
sed 's/"mood": 2/"mood": 9/' first.json > badmood.json
NABIJ_DB=third.db run import badmood.json
sed 's/"mood": 2/"moood": 2/' first.json > badfield.json
NABIJ_DB=third.db run import badfield.json
NABIJ_DB=third.db run list --all
NABIJ_DB=third.db run import first.json --dry-run
NABIJ_DB=third.db run list --all
cat first.json | NABIJ_DB=third.db run import - --json
# An export to something that is not a plain file (a pipe here; a device
# such as /dev/null alike) is written into it, never replaced by a file.
mkfifo pipe
timeout 20 cat pipe > piped &
run export --format csv --out pipe
wait
test -p pipe && echo "the pipe is still a pipe"
head -1 piped | cut -c1-40
