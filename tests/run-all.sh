#!/bin/sh
# Build nabij twice (plain, and with AddressSanitizer and
# UndefinedBehaviorSanitizer), run the whole suite in both, fuzz every
# parser (and check the canaries), run most of the suite under valgrind,
# check that the Dutch catalogue is complete, and end with one line:
# "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
status=0

setup() {
	[ -f "$1/build.ninja" ] || meson setup "$@" >/dev/null || status=1
	# A build made by `make run` before cmocka was installed has no tests yet.
	grep -q test_web "$1/build.ninja" 2>/dev/null || meson setup --reconfigure "$1" >/dev/null || status=1
	ninja -C "$1" >/dev/null || { ninja -C "$1"; status=1; }
}
echo "nabij: make test builds nabij twice (plain, and with sanitizers), then runs every"
echo "suite in both, fuzzes every parser and runs much of it under valgrind."
echo "On a machine with two cores that takes about 20 minutes; each part says when it starts."
echo "== building in build"
setup build
echo "== building in build-san (with AddressSanitizer and UndefinedBehaviorSanitizer)"
setup build-san -Db_sanitize=address,undefined -Db_lundef=false

for dir in build build-san; do
	echo "== tests in $dir"
	meson test -C "$dir" --print-errorlogs >"$dir/test-output.txt" 2>&1 || status=1
	grep -E '^ *[0-9]+/[0-9]+ ' "$dir/test-output.txt"
	grep -q 'Fail: *0' "$dir/test-output.txt" || sed -n '/^stdout:/,$p' "$dir/test-output.txt" | head -80
done

# A coverage-guided run of every fuzz harness (libFuzzer, with clang, ASan
# and UBSan), FUZZ_SECONDS each from the seed corpora; a crash fails the run.
# Then each canary (the same harness with a planted bug) for as long: it
# must crash, or the harness is not reaching its parser.
secs=${FUZZ_SECONDS:-30}
echo "== fuzzing, $secs s a harness"
fuzz=0
if command -v clang >/dev/null; then
	if [ ! -f build-fuzz/build.ninja ]; then
		CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined \
			-Db_lundef=false >/dev/null || fuzz=1
	fi
	ninja -C build-fuzz >/dev/null || fuzz=1
	for h in $(cat tests/fuzz/harnesses); do
		[ $fuzz -eq 0 ] || break
		# nabij serve's harnesses are built where libpq is; its pages
		# (serve) run beside a PostgreSQL of their own
		if [ ! -x "build-fuzz/tests/fuzz/libfuzzer_$h" ]; then
			echo "fuzz-$h: not built (no libpq)"
			continue
		fi
		pg=""
		[ "$h" != serve ] || pg=tests/hosted/with-pg.sh
		mkdir -p "build-fuzz/corpus-$h"
		cp tests/fuzz/corpus/$h/* "build-fuzz/corpus-$h/"
		if $pg ./build-fuzz/tests/fuzz/libfuzzer_$h -max_total_time="$secs" -timeout=10 \
			-artifact_prefix=build-fuzz/ "build-fuzz/corpus-$h" >"build-fuzz/$h.log" 2>&1; then
			echo "fuzz-$h: $(grep -o 'Done [0-9]* runs in [0-9]* second' "build-fuzz/$h.log")"
		else
			fuzz=1
			echo "fuzz-$h found a problem:"
			tail -30 "build-fuzz/$h.log"
		fi
		mkdir -p "build-fuzz/canary-$h"
		cp tests/fuzz/corpus/$h/* "build-fuzz/canary-$h/"
		if ! $pg ./build-fuzz/tests/fuzz/canary_$h -max_total_time="$secs" -timeout=10 \
			-artifact_prefix=build-fuzz/canary- "build-fuzz/canary-$h" >"build-fuzz/canary-$h.log" 2>&1 &&
			grep -q 'heap-buffer-overflow' "build-fuzz/canary-$h.log"; then
			runs=$(grep -o '^#[0-9]*' "build-fuzz/canary-$h.log" | tail -n 1 | tr -d '#')
			if grep -q 'INITED' "build-fuzz/canary-$h.log"; then
				echo "canary-$h: the planted bug was found after ${runs:-?} runs"
			else
				echo "canary-$h: the planted bug was found while reading the seed corpus"
			fi
		else
			fuzz=1
			echo "canary-$h: the planted bug was NOT found in $secs s: the harness does not reach its parser"
		fi
	done
else
	echo "clang is not installed: no fuzzing"
fi
[ $fuzz -eq 0 ] || status=1

# Under valgrind: the unit tests, the fuzz corpora, each command group, and
# the terminal, web and durability suites (make valgrind runs all suites).
echo "== valgrind"
vg=0
if command -v valgrind >/dev/null; then
	sh tests/valgrind/run.sh build >build/valgrind.log 2>&1 || vg=1
	grep -E '^(FAIL|valgrind)' build/valgrind.log
	[ $vg -eq 0 ] || tail -40 build/valgrind.log
else
	echo "valgrind is not installed"
	vg=1
fi
[ $vg -eq 0 ] || status=1

# The Dutch catalogue must translate every message of the sources, with
# nothing fuzzy. The messages are collected into a file of the build, so
# that the tracked po/nabij.pot is never rewritten by a test run (make pot
# updates it).
echo "== translations"
i18n=0
xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --keyword=C_:1c,2 --keyword=NC_:1c,2 --from-code=UTF-8 \
	--add-comments=TRANSLATORS: --files-from=po/POTFILES -o build/messages.pot || i18n=1
stats=$(msgfmt --check --statistics -o /dev/null po/nl.po 2>&1) || i18n=1
echo "po/nl.po: $stats"
case "$stats" in *untranslated*|*fuzzy*) i18n=1 ;; esac
msgcmp po/nl.po build/messages.pot || i18n=1
[ $i18n -eq 0 ] || status=1

python3 tests/summary.py "$i18n" "$fuzz" "$vg" build build-san
exit $status
