# Imports from Daylio: the four CSV layouts, Dutch, English and German phones,
# 12- and 24-hour times, a byte order mark, <br> and entities, quotes, a row
# twice, renamed moods; and the .daylio backup. Re-importing adds nothing.
cp "$FIXTURES"/* .
run import daylio-en.csv --dry-run
run import daylio-en.csv
run import daylio-en.csv
run show 1
run list --all
run import daylio-nl.csv
run import daylio-nl.csv --dry-run
run import daylio-nl.csv --mood-map "blij=4" --moments
run import daylio-nl.csv --mood-map "blij=9"
run import daylio-de.csv --from daylio
run import daylio-old.csv
run list --since 2026-11-19 --until 2026-11-20
run search schöner

run import daylio-nl.csv --mood-map "blij=4" --moments
run list --since 2026-11-14 --until 2026-11-15
python3 make-backup.py backup.daylio
run import backup.daylio --dry-run
run import backup.daylio
run import backup.daylio
run list --since 2026-11-16 --until 2026-11-17 --type checkin
run search warm --json | uids
run import daylio-bad-date.csv
run import daylio-bad-time.csv
run import daylio-bad-fields.csv
run import not-daylio.csv
run import daylio-en.csv --from daylio-backup
run import daylio-en.csv --from diary
run import daylio-nl.csv --mood-map "blij"
# a file cut off inside its last quoted note, and a note with a zero byte:
# refused with the row named, nothing imported
printf 'full_date,date,weekday,time,mood,activities,note\n2026-11-12,November 12,Thursday,21:00,good,,"whole"\n2026-11-12,November 12,Thursday,22:00,good,,"cut o' >daylio-cut.csv
run import daylio-cut.csv
printf 'full_date,date,weekday,time,mood,activities,note\n2026-11-12,November 12,Thursday,21:00,good,,"before\000after"\n' >daylio-nul.csv
run import daylio-nul.csv
run list --since 2026-11-12 --until 2026-11-12
