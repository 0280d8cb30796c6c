#!/bin/sh
# The suite under valgrind: the unit tests and the fuzz corpora (every
# parser), and nabij itself through each command group, an encrypted
# database included; 0 errors and 0 bytes definitely lost, or it fails.
# (valgrind makes nabij some 300 times slower; the golden tests take
# twenty minutes that way, so they run here as the list below.)
#   run.sh BUILD_DIR
set -u
build=$1
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 77; }
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"
. "$(dirname "$0")/../lib.sh"

meson test -C "$build" --no-rebuild --suite unit --suite fuzz --wrapper "$vg" >"$top/meson.txt" 2>&1
ok=$(sed -n 's/^Ok: *//p' "$top/meson.txt")
bad=$(sed -n 's/^Fail: *//p' "$top/meson.txt")
pass=$((pass + ${ok:-0}))
failed=$((failed + ${bad:-1}))
grep -E '^ *[0-9]+/[0-9]+ .*(FAIL|ERROR)' "$top/meson.txt"

cat >"$top/nabij" <<EOF2
#!/bin/sh
exec $vg "$PWD/$build/nabij" "\$@"
EOF2
chmod +x "$top/nabij"
n="$top/nabij"
export NABIJ_DB="$top/v.db" TZ=Europe/Amsterdam LC_ALL=C.UTF-8 LANGUAGE=en NABIJ_NOW=2026-11-20T20:00:00+01:00
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
run --lang nl help
printf 'long enough pass\n' >"$top/pass"
check "valgrind: nabij passphrase set" sh -c "NABIJ_PASSPHRASE_FD=3 '$n' passphrase set 3<'$top/pass'"
check "valgrind: nabij list, encrypted" sh -c "NABIJ_PASSPHRASE_FD=3 '$n' list 3<'$top/pass'"
check "valgrind: wrong passphrase, exit 1 and clean" sh -c "echo 'not the one at all' | NABIJ_PASSPHRASE_FD=3 '$n' list 3<&0; test \$? -eq 1"
if [ "${2:-}" = --full ]; then
	if sh "$(dirname "$0")/../cli/run.sh" "$n" "$(cd "$(dirname "$0")/../cli/cases" && pwd)" >"$top/golden.txt" 2>&1; then
		pass=$((pass + 1))
	else
		failed=$((failed + 1))
		grep -E '^FAIL|^golden:' "$top/golden.txt"
	fi
	tail -n 1 "$top/golden.txt"
fi
echo "valgrind: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
