#!/bin/sh
# Golden tests of the command line. Each cases/NAME.sh is a script of nabij
# commands run in a fresh temporary folder with an empty database, a fixed
# clock (NABIJ_NOW) and zone, no inherited language and no terminal on
# standard input (a case pipes what it types); what it prints,
# with every exit status, must equal cases/NAME.out byte for byte.
#
#   run.sh NABIJ_BINARY CASES_DIR [NAME...]
#   UPDATE=1 run.sh ...   writes the .out files anew (review the diff!)
set -u
bin=$1
dir=$2
shift 2
pass=0
failed=0
names=${*:-$(cd "$dir" && ls *.sh | sed 's/\.sh$//')}
for name in $names; do
	tmp=$(mktemp -d)
	actual=$tmp/actual
	(
		cd "$tmp" || exit 1
		env -i PATH=/usr/bin:/bin HOME="$tmp" TZ=Europe/Amsterdam LC_ALL=C.UTF-8 \
			NABIJ="$bin" NABIJ_DB="$tmp/data/nabij.db" FIXTURES="$dir/../fixtures" \
			NABIJ_NOW=2026-11-20T20:00:00+01:00 \
			sh -c '
				run() {
					printf "$ nabij"
					printf " %s" "$@"
					printf "\n"
					"$NABIJ" "$@" 2>&1
					printf "[exit %d]\n" $?
				}
				uids() { sed -E "s/[0-9a-f]{32}/UID/g"; }
				. "$1"
			' sh "$dir/$name.sh" </dev/null
	) >"$actual" 2>&1
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$actual" "$dir/$name.out"
	fi
	if cmp -s "$actual" "$dir/$name.out"; then
		pass=$((pass + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		diff -u "$dir/$name.out" "$actual" | head -40
	fi
	rm -rf "$tmp"
done
echo "golden: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
