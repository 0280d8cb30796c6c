# list, show, edit and delete work on every kind of record.
run checkin --mood 2 --emotion sadness:4 --need rest --note "first" --at 2026-11-18T09:00
run checkin --mood 4 --at 2026-11-19T09:00
run moment talk --with Noor --at 2026-11-19T12:00
run trigger --situation "A loud room" --at 2026-11-20T10:00
run list
run list --since 2026-11-19 --until 2026-11-19
run list --type checkin,trigger
run list --type hug
run list --since 2026-13-01
run list --limit 2
run list --limit 0
run list --json --type moment | uids
run edit 1 --mood 3 --emotion joy --emotion calm:2 --note "first, changed"
run show 1
run edit 1 --mood 8
run show 1
run edit 1 --mood none --emotion ""
run edit 1 --at 2026-11-18T21:00
run show 1
run edit 3 --with Sam --safe yes
run edit 3 --mood 3
run edit 4 --outcome "Left early, felt better"
run edit 1
run edit
run edit 99 --mood 3
run delete 2
run show 2
run delete 2
run delete
run delete x
run list
