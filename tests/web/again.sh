#!/bin/sh
# Getting back in: a second "nabij ui" opens the one that runs instead of
# starting another, "--stop" stops it, and the next start listens on the same
# address and port with the same session, so a bookmark and the browser's
# cookie keep working. A browser without the session gets a page that says
# how to get back in, with the help numbers. Prints "again: N passed, N failed".
#   again.sh NABIJ_BINARY
set -u
bin=$1
command -v curl >/dev/null || { echo "curl is not installed"; exit 77; }
tmp=$(mktemp -d)
pass=0
failed=0
export NABIJ_DB="$tmp/nabij.db" LANGUAGE=en
slow=${NABIJ_TEST_SLOW:-1}

check() {	# check NAME command...
	name=$1
	shift
	if "$@"; then pass=$((pass + 1)); else failed=$((failed + 1)); echo "FAIL $name"; fi
}
start() {	# start OUT: nabij ui in the background, its address in $url
	"$bin" ui --no-open >"$1" 2>&1 &
	i=0
	while [ $i -lt $((50 * slow)) ] && ! grep -q 'token=' "$1"; do sleep 0.1; i=$((i + 1)); done
	url=$(grep -o 'http://[0-9.]*:[0-9]*/?token=[0-9a-f]*' "$1")
}

start "$tmp/one"
first=$url
check "first start prints an address" test -n "$first"
check "the address file is the owner's only" \
	test "$(stat -c %a "$tmp/nabij.db-ui")" = 600
"$bin" ui --no-open >"$tmp/two" 2>&1
check "second start exits at once" test $? -eq 0
check "second start names the running one" grep -q "already open" "$tmp/two"
check "second start gives the same address" grep -qF "$first" "$tmp/two"
check "no second server" test "$(grep -c 'token=' "$tmp/two")" -eq 1

base=${first%%/\?*}
token=${first##*token=}
code=$(curl -s -o "$tmp/page" -w '%{http_code}' "$base/")
check "an old bookmark without the cookie: a page, not an error" test "$code" = 403
check "it says how to get back in" grep -q "applications menu" "$tmp/page"
check "it shows the help numbers" grep -q 'href="tel:113"' "$tmp/page"
curl -s -D "$tmp/head" -o /dev/null "$first"
check "the session cookie lasts beyond this start" grep -qi "Max-Age=" "$tmp/head"

"$bin" ui --stop >"$tmp/stop" 2>&1
check "stop says it stopped" grep -q "has stopped" "$tmp/stop"
check "nothing answers after stop" sh -c "! curl -s -o /dev/null '$base/'"

start "$tmp/three"
check "the next start takes the same address, port and secret" test "$url" = "$first"
code=$(curl -s -o "$tmp/page" -w '%{http_code}' -H "Cookie: nabij_session=$token" "$base/")
check "the cookie of the last start still signs in" test "$code" = 200
"$bin" ui --stop >/dev/null 2>&1
"$bin" ui --stop >"$tmp/stop2" 2>&1
check "stop with nothing running says so" grep -q "not running" "$tmp/stop2"

rm -rf "$tmp"
echo "again: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
