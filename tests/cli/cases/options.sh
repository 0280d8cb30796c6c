# The options of the commands whose flags come from a table (cli/flags.c):
# each kind of value, an alias, an abbreviation, a value missing, a wrong
# word, a number out of range, a date that is not one.
run checkin --mood 3 --energy 4 --note "a quiet evening"
run moment hug --with Sam
run circle add Sam --reach 06-12345678
run list --since 2026-11-20 --until 2026-11-20
run list --since 2026-11-31
run list --until tomorrow
run list --type checkin,moment --limit 1
run list --type checkin,hug
run list --limit 0
run list --limit 1000001
run list --limit none
run list --lim 1
run list --all --type member,moment
run list --limit
run list -limit 1
run list --yes
run list -i
run list extra
run search evening --limit 1
run search --limit x evening
run search -limit 1 evening
run delete 2 --all
run delete 9 --yes
run forget --since 2026-11-20
run forget extra
run export --format xml
run export --form csv | uids
run export --form csv --per-type
run export --out
run export --dry-run
run import --from yaml x.json
run import --from daylio-backup
run import --mood-map
run import --moments --dry-run missing.json
run import --from jrnl missing.txt
run import --format json x.json
run ui --port 70000
run ui --port -1
run ui --port x
run ui --port
run ui --no-open extra
run ui --stop --address --no-open --port 8080 extra
run report --since 2026-11-40
run report --from nope
run report --until 2026-11-20
run report --with-notes --with-circle extra
run report --out
run report --from 2026-11-21 --until 2026-11-20 --out r.pdf
run report --since 2026-11-21 --until 2026-11-20 --out r.pdf
run week --date 2026-13-01
run week --date
run week --intention "Call Sam" --date 2026-11-20
run week --intention "Call Sam"
run week --intention ""
run week --intention "" --date 2026-11-20 extra
run insights --since 2026-11-01 --until 2026-11-99
run insights --until x
run insights --since
run insights --from 2026-11-01
run insights --since 2026-11-01 --until 2026-11-20
run experiment --day 2026-02-30
run experiment --day
run experiment --yes
run circle --text
run circle --yes --print extra
run circle edit 3 --name Sam --yes
run circle --print --text "" beside
run show 1 --all
run undo --yes
# A member's record takes the member's rows in edit, not the circle
# command's own options (they once wrote past edit's context).
run edit 3 --yes
run edit 3 --text hello
run edit 3 -i --reach 06-87654321
