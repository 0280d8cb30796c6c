#!/bin/sh
# Durability under faults: writes killed (-9) at random moments, then the
# database passes integrity_check and holds every acknowledged record; a
# full disk and a read-only database give a clear message and exit 1 and
# lose nothing stored before; a database another writer holds is waited for
# briefly, then nabij says so. Disk full and read-only need a tmpfs (root);
# without one they are skipped.
#   run.sh NABIJ_BINARY [KILLS]
set -u
bin=$1
kills=${2:-200}
top=$(mktemp -d)
cleanup() {
	for m in "$top/full" "$top/ro"; do mountpoint -q "$m" 2>/dev/null && umount "$m"; done
	rm -rf "$top"
}
trap cleanup EXIT
export TZ=Europe/Amsterdam LC_ALL=C.UTF-8 LANGUAGE=en
. "$(dirname "$0")/../lib.sh"
integrity() { sqlite3 "$1" 'PRAGMA integrity_check' 2>&1 | grep -qx ok; }

# 1. kill -9 at random moments during writes
export NABIJ_DB="$top/kill.db"
"$bin" checkin --mood 3 --note "first" >/dev/null
# how long a check-in takes here, in ms (the longest of three, at least
# 5; seconds under valgrind): the kills land within it, so that most come
# before, during or just after the write, however fast nabij and this
# machine are
window=5
for n in 1 2 3; do
	start=$(date +%s%N)
	"$bin" checkin --mood 3 --tension 2 --need rest --note "timing $n with some words to write" >/dev/null
	took=$(( ($(date +%s%N) - start) / 1000000 ))
	[ $took -gt $window ] && window=$took
done
: >"$top/acked"
i=0
survived=0
# until KILLS writes were killed midway (exit by SIGKILL), at most 5 * KILLS tries
while [ $survived -lt "$kills" ] && [ $i -lt $((kills * 5)) ]; do
	i=$((i + 1))
	"$bin" checkin --mood $((i % 5 + 1)) --tension 2 --need rest --note "note-$i with some words to write" \
		>/dev/null 2>&1 &
	pid=$!
	# a random moment within the time a check-in takes, as measured here
	# (under valgrind too, so NABIJ_TEST_SLOW is in it already): before,
	# during or after the write
	sleep "$(awk -v r="$(od -An -N2 -tu2 /dev/urandom)" -v w="$window" \
		'BEGIN { printf "%.3f", (r % w) / 1000 }')"
	kill -9 $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	case $? in
	0) echo "note-$i " >>"$top/acked" ;;
	137) survived=$((survived + 1)) ;;
	esac
done
"$bin" export >"$top/export.json" 2>/dev/null
check "$kills kills made" test "$survived" -ge "$kills"
check "after $survived kills: integrity_check ok" integrity "$NABIJ_DB"
missing=0
while read -r n; do
	grep -q "\"$n" "$top/export.json" || missing=$((missing + 1))
done <"$top/acked"
check "after $survived kills: no acknowledged record missing ($(wc -l <"$top/acked") acknowledged)" test $missing -eq 0
check "after kills: still writable" "$bin" checkin --mood 4 --note "after the kills"
echo "kill -9: $survived writes killed midway in $i tries (within $window ms), $(wc -l <"$top/acked") acknowledged, $missing missing"

# 2. another writer holds the database: wait briefly, then say so
export NABIJ_DB="$top/busy.db"
"$bin" checkin --mood 3 --note "before the lock" >/dev/null
hold=6	# seconds; longer when nabij runs slowly (under valgrind)
[ "${NABIJ_TEST_SLOW:-1}" -gt 1 ] && hold=30
(printf 'BEGIN IMMEDIATE;\n'; sleep $hold) |
	sqlite3 "$NABIJ_DB" &
holder=$!
sleep 0.5
start=$(date +%s%N)
"$bin" checkin --mood 2 --note "while locked" >"$top/out" 2>"$top/err"
status=$?
waited=$(( ($(date +%s%N) - start) / 1000000 ))
check "busy: exit 1" test $status -eq 1
check "busy: waited a moment first (${waited} ms)" test $waited -ge 2000
check "busy: said plainly" grep -q "another nabij is writing" "$top/err"
kill $holder 2>/dev/null
wait $holder 2>/dev/null
check "busy: the earlier record is there" sh -c "'$bin' list | grep -q 'before the lock'"

# 3. a full disk and a read-only database, on a small tmpfs
if mkdir -p "$top/full" && mount -t tmpfs -o size=600k tmpfs "$top/full" 2>/dev/null; then
	export NABIJ_DB="$top/full/nabij.db"
	"$bin" checkin --mood 3 --note "stored before the disk was full" >/dev/null
	head -c 2000000 /dev/zero >"$top/full/filler" 2>/dev/null
	long=$(head -c 30000 /dev/zero | tr '\0' 'w')
	n=0
	status=0
	while [ $n -lt 200 ] && [ $status -eq 0 ]; do
		"$bin" checkin --mood 3 --note "$long $n" >/dev/null 2>"$top/err"
		status=$?
		n=$((n + 1))
	done
	check "disk full: exit 1" test $status -eq 1
	check "disk full: said plainly" grep -qi "disk is full" "$top/err"
	# what only reads still works: a person can always take their data out
	check "disk full: list still works" sh -c "'$bin' list | grep -q 'stored before the disk'"
	check "disk full: search still works" sh -c "'$bin' search stored | grep -q 'stored before the disk'"
	check "disk full: export still works" sh -c "'$bin' export | grep -q 'stored before the disk'"
	rm -f "$top/full/filler"
	check "disk full: integrity ok" integrity "$NABIJ_DB"
	check "disk full: the earlier record is there" sh -c "'$bin' list | grep -q 'stored before the disk'"

	mkdir -p "$top/ro"
	mount -t tmpfs -o size=4m tmpfs "$top/ro"
	export NABIJ_DB="$top/ro/nabij.db"
	"$bin" checkin --mood 3 --note "stored before read-only" >/dev/null
	mount -o remount,ro "$top/ro"
	"$bin" checkin --mood 2 --note "on a read-only disk" >/dev/null 2>"$top/err"
	check "read-only: exit 1" test $? -eq 1
	check "read-only: said plainly" grep -qi "cannot be written\|read-only\|readonly" "$top/err"
	check "read-only: list still works" sh -c "'$bin' list | grep -q 'stored before read-only'"
	check "read-only: search still works" sh -c "'$bin' search stored | grep -q 'stored before read-only'"
	check "read-only: export still works" sh -c "'$bin' export | grep -q 'stored before read-only'"
	check "read-only: today still works" "$bin" today
	check "read-only: nabij check still works" sh -c "'$bin' check | grep -q 'All is well'"
	mount -o remount,rw "$top/ro"
	check "read-only: the earlier record is there" sh -c "'$bin' list | grep -q 'stored before read-only'"
	check "read-only: integrity ok" integrity "$NABIJ_DB"
else
	echo "disk full and read-only: skipped (mounting a tmpfs needs root)"
fi

# 4. another SQLite program opens and closes the database while nabij ui
# runs (Debian's sqlite3, a backup tool, a database browser): no write that
# nabij acknowledged, from either face, may be lost
if command -v curl >/dev/null; then
	export NABIJ_DB="$top/ui.db"
	"$bin" checkin --mood 3 --note "before the ui" >/dev/null
	"$bin" ui --no-open --address --port 0 >"$top/ui.out" 2>&1 &
	ui=$!
	i=0
	while [ $i -lt $((50 * ${NABIJ_TEST_SLOW:-1})) ] && ! grep -q 'token=' "$top/ui.out"; do
		sleep 0.1; i=$((i + 1)); done
	url=$(grep -o 'http://[0-9.]*:[0-9]*/?token=[0-9a-f]*' "$top/ui.out")
	base=${url%%/\?*}
	ck="Cookie: nabij_session=${url##*token=}"
	post_checkin() {	# a check-in saved through the page, note $1
		csrf=$(curl -s -H "$ck" "$base/checkin" | grep -o 'name="csrf" value="[0-9a-f]*"' |
			head -n 1 | grep -o '[0-9a-f]\{32\}')
		curl -s -o /dev/null -w '%{http_code}' -H "$ck" -H "Origin: $base" \
			--data "csrf=$csrf&mood=4&note=$1" "$base/checkin"
	}
	for page in / /data /protect; do curl -s -o /dev/null -H "$ck" "$base$page"; done
	sqlite3 "$NABIJ_DB" 'select count(*) from entry' >/dev/null
	check "ui: first page check-in acknowledged" test "$(post_checkin page-one)" = 303
	"$bin" checkin --note "terminal-between" >/dev/null
	for page in / /data /protect; do curl -s -o /dev/null -H "$ck" "$base$page"; done
	sqlite3 "$NABIJ_DB" 'select count(*) from entry' >/dev/null
	check "ui: second page check-in acknowledged" test "$(post_checkin page-two)" = 303
	"$bin" checkin --note "terminal-after" >/dev/null
	kill -INT $ui
	wait $ui 2>/dev/null
	sqlite3 "$NABIJ_DB" 'select count(*) from entry' >/dev/null
	"$bin" export >"$top/ui.json" 2>/dev/null
	for n in "before the ui" page-one terminal-between page-two terminal-after; do
		check "ui: \"$n\" is still there after another program opened the database" \
			grep -q "\"$n\"" "$top/ui.json"
	done
	check "ui: integrity_check ok" integrity "$NABIJ_DB"
else
	echo "nabij ui and another program: skipped (curl is not installed)"
fi

echo "durability: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
