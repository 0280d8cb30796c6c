#!/bin/sh
# The suite under valgrind (memcheck): every nabij process it starts runs
# under valgrind, with 0 errors and 0 bytes definitely lost, or it fails.
#
#   run.sh BUILD_DIR          (make test) the unit tests and the fuzz corpora
#                             (every parser); nabij through each command
#                             group, an encrypted database included; and the
#                             terminal, web security, browser and durability
#                             suites whole, with nabij under valgrind
#   run.sh BUILD_DIR --full   (make valgrind) besides, the golden CLI, report,
#                             crypt and benchmark smoke suites whole
#
# valgrind makes each start of nabij cost about two seconds (it translates
# the code it runs, SQLite's included) and each Argon2id some sixteen: the
# golden cases (360 starts) and the crypt suite (30 unlocks) take some
# eight minutes each that way, more than fits in CI beside the rest, so
# only --full runs them. Suites run in two lanes, one per core. Errors go
# to one log per process (never into the output a test compares), and
# every log must be empty.
set -u
build=$1
mode=${2:-}
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 77; }
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$top/logs"
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"
. "$here/lib.sh"

meson test -C "$build" --no-rebuild --suite unit --suite fuzz --wrapper "$vg" >"$top/meson.txt" 2>&1
ok=$(sed -n 's/^Ok: *//p' "$top/meson.txt")
bad=$(sed -n 's/^Fail: *//p' "$top/meson.txt")
pass=$((pass + ${ok:-0}))
failed=$((failed + ${bad:-1}))
grep -E '^ *[0-9]+/[0-9]+ .*(FAIL|ERROR)' "$top/meson.txt"

cat >"$top/nabij" <<EOF2
#!/bin/sh
exec $vg --log-file="$top/logs/vg.%p" "$(cd "$build" && pwd)/nabij" "\$@"
EOF2
chmod +x "$top/nabij"
n="$top/nabij"
export TZ=Europe/Amsterdam LC_ALL=C.UTF-8 LANGUAGE=en NABIJ_LOCALEDIR="$(cd "$build" && pwd)/po"

# The command groups, one start each.
export NABIJ_DB="$top/v.db" NABIJ_NOW=2026-11-20T20:00:00+01:00
run() { check "valgrind: nabij $*" "$n" "$@"; }
run checkin --mood 2 --tension 4 --need rest --emotion fear --note "a long day"
run moment hug --with Sam --safe yes --seconds 20
run trigger --situation "a silence" --emotion fear --need safety
run circle add Sam --reach "0612345678" --helps "listens"
run circle card
run list
run show 1
run edit 1 --mood 3
run search day
run today
run suggest
run week
run insights --json
run report --out "$top/r.pdf"
run export --out "$top/e.json"
run export --format csv --out "$top/e.csv"
NABIJ_DB="$top/i.db" run import "$top/e.json"
run delete 2 --yes
run backup "$top/b.db"
run check
run --lang nl help
printf 'long enough pass\n' >"$top/pass"
check "valgrind: nabij passphrase set" sh -c "NABIJ_PASSPHRASE_FD=3 '$n' passphrase set 3<'$top/pass'"
check "valgrind: nabij list, encrypted" sh -c "NABIJ_PASSPHRASE_FD=3 '$n' list 3<'$top/pass'"
check "valgrind: nabij check, encrypted" sh -c "NABIJ_PASSPHRASE_FD=3 '$n' check 3<'$top/pass'"
check "valgrind: wrong passphrase, exit 1 and clean" sh -c "echo 'not the one at all' | NABIJ_PASSPHRASE_FD=3 '$n' list 3<&0; test \$? -eq 1"
unset NABIJ_DB NABIJ_NOW

# The hosted store (nabij serve's records, on a PostgreSQL of the test's
# own): its own tests and the store's suite against it. The pages over it
# (test_isolation) hold the report's fonts in cairo's and fontconfig's
# caches until the process ends, which valgrind counts as lost: that one
# is run by hand (docs/ARCHITECTURE.md, Tests).
if [ -x "$build/tests/test_pg" ]; then
	check "valgrind: the hosted store (test_pg)" "$here/hosted/with-pg.sh" \
		$vg --log-file="$top/logs/vg.%p" "$build/tests/test_pg"
	check "valgrind: the store's suite on PostgreSQL" env NABIJ_TEST_STORE=pg "$here/hosted/with-pg.sh" \
		$vg --log-file="$top/logs/vg.%p" "$build/tests/test_store"
fi

# Whole suites as make test runs them, with nabij under valgrind and every
# wait twenty times longer (NABIJ_TEST_SLOW); a lane runs its suites in
# turn. The durability suite's kills land within 5 s instead of 25 ms (a
# write under valgrind comes after two seconds or more), ten of them.
export NABIJ_TEST_SLOW=20
cases="$here/cli/cases"
names=$(cd "$cases" && ls ./*.sh | sed 's|^\./||; s/\.sh$//')
half=$(($(echo "$names" | wc -l) / 2))
suite() {	# NAME COMMAND...: one suite; its output in $top/NAME.txt
	name=$1
	shift
	start=$(date +%s)
	"$@" >"$top/$name.txt" 2>&1
	case $? in 0) r=passed ;; 77) r=skipped ;; *) r=FAILED ;; esac
	echo "$name $r $(($(date +%s) - start))" >>"$top/suites"
}
lane1() {
	suite tty sh "$here/tty/run.sh" "$n"
	suite security sh "$here/web/security.sh" "$n"
	if [ "$mode" = --full ]; then	# the two people and the experiment too
		suite browser sh "$here/web/run-e2e.sh" "$n" "$top/shots"
	else	# the walk through every part; the longer flows fit only in --full
		suite browser env NABIJ_E2E_ONLY=1 sh "$here/web/run-e2e.sh" "$n" "$top/shots"
	fi
	if [ "$mode" = --full ]; then
		# shellcheck disable=SC2086
		suite golden-1 sh "$here/cli/run.sh" "$n" "$cases" $(echo "$names" | head -n "$half")
		suite crypt sh "$here/crypt/run.sh" "$n"
	fi
}
lane2() {
	suite durability env NABIJ_TEST_SLOW=200 sh "$here/durability/run.sh" "$n" 10
	if [ "$mode" = --full ]; then
		# shellcheck disable=SC2086
		suite golden-2 sh "$here/cli/run.sh" "$n" "$cases" $(echo "$names" | tail -n +"$((half + 1))")
		suite report sh "$here/report/run.sh" "$n" "$top/report"
		suite bench-smoke python3 "$here/../bench/run" --smoke --bin "$n"
	fi
}
: >"$top/suites"
lane1 &
lane2
wait
while read -r name r secs; do
	echo "valgrind, $name suite: $r in $secs s"
	if [ "$r" = passed ]; then
		pass=$((pass + 1))
	elif [ "$r" = FAILED ]; then
		failed=$((failed + 1))
		grep -E 'FAIL|^golden:|failed|Error' "$top/$name.txt" | head -20
	fi
done <"$top/suites"

# Every process's log: empty, or it had errors or leaks.
logs=$(find "$top/logs" -type f -size +0 | wc -l)
procs=$(find "$top/logs" -type f | wc -l)
if [ "$logs" -eq 0 ]; then
	pass=$((pass + 1))
else
	failed=$((failed + 1))
	echo "valgrind found errors in $logs of $procs processes:"
	find "$top/logs" -type f -size +0 | head -3 | xargs cat | head -60
fi
echo "valgrind: $procs nabij processes checked, $logs with errors"
echo "valgrind: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
