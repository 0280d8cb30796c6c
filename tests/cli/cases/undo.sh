# Nothing removed by one stray tap: a deleted record waits ten minutes for
# nabij undo, out of every list, search and export meanwhile, and comes back
# whole (the same number and uid, a member with the moments that name them);
# after the ten minutes, or at nabij forget, it is gone for good and none of
# its words is left in the database file or its write-ahead log.
inside() {	# whether a word is anywhere in the database's files
	if cat data/nabij.db data/nabij.db-wal 2>/dev/null | grep -a -q "$1"; then
		echo "$1: in the file"
	else
		echo "$1: in no file"
	fi
}
run circle add "Ilse Quokkadaughter" --reach "06-12345678" --helps "listens like a lighthousekeeper" --first
run circle add Sam
run moment hug --with "Ilse Quokkadaughter" --safe yes --note "zebrawarm and close"
run checkin --mood 4 --note "narwhalnote of the day"
"$NABIJ" --json show 3 | uids | grep member
inside lighthousekeeper
# A member removed: out of the circle, out of search; the moment stays.
run circle remove 1 --yes
run circle list
run search lighthousekeeper
run show 1
run show 3
run edit 1 --name x
run circle add Noor --first
run undo
run circle list
"$NABIJ" --json show 3 | uids | grep member
run search lighthousekeeper
# A record deleted: out of list, search, export and week; undo by number.
run delete 4 --yes
run list
run search narwhalnote
"$NABIJ" export | grep -c narwhalnote
run undo 4
run search narwhalnote
# Several wait at once; undo takes the one deleted last first.
run delete 3 --yes
run delete 4 --yes
run undo
run delete 4 --yes
run list
# The edges of the ten minutes: at 9:59 it still comes back, at 10:00 it
# is gone for good, and none of its words is left in the files.
inside narwhalnote
NABIJ_NOW=2026-11-20T20:09:59+01:00 run undo 3
NABIJ_NOW=2026-11-20T20:10:00+01:00 run undo 4
NABIJ_NOW=2026-11-20T20:10:00+01:00 run undo
NABIJ_NOW=2026-11-20T20:10:00+01:00 run list
inside narwhalnote
inside zebrawarm
# nabij forget: what waits goes for good at once, and nothing else.
NABIJ_NOW=2026-11-20T20:11:00+01:00 run circle remove 1 --yes
NABIJ_NOW=2026-11-20T20:11:00+01:00 run forget
NABIJ_NOW=2026-11-20T20:11:00+01:00 run undo
NABIJ_NOW=2026-11-20T20:11:00+01:00 run forget
NABIJ_NOW=2026-11-20T20:11:00+01:00 run list
inside lighthousekeeper
# The same in Dutch.
NABIJ_NOW=2026-11-20T20:12:00+01:00 run --lang nl delete 3 --yes
NABIJ_NOW=2026-11-20T20:12:00+01:00 run --lang nl undo
NABIJ_NOW=2026-11-20T20:12:00+01:00 run --lang nl delete 3 --yes
NABIJ_NOW=2026-11-20T20:12:00+01:00 run --lang nl forget
inside zebrawarm
NABIJ_NOW=2026-11-20T20:12:00+01:00 run --lang nl circle remove 2 --yes
NABIJ_NOW=2026-11-20T20:12:00+01:00 run --lang nl undo
NABIJ_NOW=2026-11-20T20:30:00+01:00 run --lang nl undo 3
NABIJ_NOW=2026-11-20T20:30:00+01:00 run --lang nl undo
run undo 1 2
run undo x
