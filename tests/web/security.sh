#!/bin/sh
# Security of nabij ui against the running server, over loopback: wrong Host,
# no session cookie, a POST without the form token, a cross-origin POST, and
# the headers every response carries. Prints "security: N passed, N failed".
#   security.sh NABIJ_BINARY
set -u
bin=$1
command -v curl >/dev/null || { echo "curl is not installed"; exit 77; }
tmp=$(mktemp -d)
pass=0
failed=0
NABIJ_DB="$tmp/nabij.db" LANGUAGE=en "$bin" ui --no-open --address --port 0 >"$tmp/out" 2>&1 &
pid=$!
i=0
while [ $i -lt $((50 * ${NABIJ_TEST_SLOW:-1})) ] && ! grep -q 'token=' "$tmp/out"; do sleep 0.1; i=$((i + 1)); done
url=$(grep -o 'http://[0-9.]*:[0-9]*/?token=[0-9a-f]*' "$tmp/out")
base=${url%%/\?*}
host=${base#http://}
token=${url##*token=}

expect() {	# expect NAME STATUS curl-args...
	name=$1 want=$2
	shift 2
	got=$(curl -s -o "$tmp/body" -D "$tmp/head" -w '%{http_code}' "$@")
	if [ "$got" = "$want" ]; then
		pass=$((pass + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $name: got $got, want $want"
	fi
}
header() {	# header NAME PATTERN: the last response carries it
	if grep -qi -- "$2" "$tmp/head"; then pass=$((pass + 1)); else
		failed=$((failed + 1)); echo "FAIL $1: no header $2"; fi
}

expect "no cookie" 403 "$base/"
expect "wrong cookie" 403 -H "Cookie: nabij_session=0123456789abcdef0123456789abcdef" "$base/"
expect "opening address" 303 "$url"
header "cookie is HttpOnly" "Set-Cookie: nabij_session=$token; Path=/; HttpOnly; SameSite=Strict"
ck="Cookie: nabij_session=$token"
expect "with the cookie" 200 -H "$ck" "$base/"
header "CSP" "Content-Security-Policy: default-src 'none'"
header "CSP scripts" "script-src 'self'"
header "frames" "X-Frame-Options: DENY"
header "nosniff" "X-Content-Type-Options: nosniff"
header "referrer" "Referrer-Policy: no-referrer"
header "no caching of pages" "Cache-Control: no-store"
expect "DNS rebinding" 421 -H "$ck" -H "Host: evil.example:${host##*:}" "$base/"
# an address of its own in 127.0.0.0/8, so that the cookie (kept per host,
# not per port) goes to no other server on 127.0.0.1
case $host in
127.0.0.1:* | 127.0.1.1:*) failed=$((failed + 1)); echo "FAIL own address: listens on $host" ;;
127.*) pass=$((pass + 1)) ;;
*) failed=$((failed + 1)); echo "FAIL own address: $host is not a loopback address" ;;
esac
expect "not on 127.0.0.1" 000 --max-time 2 -H "$ck" "http://127.0.0.1:${host##*:}/"
expect "the name localhost is not ours" 421 -H "$ck" -H "Host: localhost:${host##*:}" "$base/"
expect "nor is 127.0.0.1" 421 -H "$ck" -H "Host: 127.0.0.1:${host##*:}" "$base/"
csrf=$(curl -s -H "$ck" "$base/checkin" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | grep -o '[0-9a-f]\{32\}')
expect "POST without form token" 403 -H "$ck" -H "Origin: $base" --data "mood=3" "$base/checkin"
expect "cross-origin POST" 403 -H "$ck" -H "Origin: http://evil.example" --data "csrf=$csrf&mood=3" "$base/checkin"
expect "cross-site POST" 403 -H "$ck" -H "Origin: null" -H "Sec-Fetch-Site: cross-site" --data "csrf=$csrf&mood=3" "$base/checkin"
expect "POST without origin" 403 -H "$ck" --data "csrf=$csrf&mood=3" "$base/checkin"
expect "same-origin POST" 303 -H "$ck" -H "Origin: $base" --data "csrf=$csrf&mood=3" "$base/checkin"
head -c 200000 /dev/zero | tr '\0' 'a' >"$tmp/big"
expect "body too large" 413 -H "$ck" -H "Origin: $base" --data "csrf=$csrf&note=@$tmp/big" --data-urlencode "note@$tmp/big" "$base/checkin"
expect "not listening elsewhere" 000 --max-time 2 "http://$(hostname -I 2>/dev/null | cut -d' ' -f1):${host##*:}/"
kill -INT $pid
wait $pid 2>/dev/null
rm -rf "$tmp"
echo "security: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
