#!/bin/sh
# nabij serve over real sockets, beside a PostgreSQL of the test's own
# (started by with-pg.sh, which gives NABIJ_PG_OWNER and NABIJ_PG_APP):
# migrate, invite, sign up with curl and see the page; and its security:
# sign-in attempts limited, no session fixation, signing out ends the
# session, CSRF and foreign Origins refused, a wrong Host 421, the cookies'
# flags, HSTS under https (a certificate made here), plain HTTP refused on
# an address that is not loopback, the owner role refused at the start, a
# worker that dies replaced. Prints "serve: N passed, N failed".
#   with-pg.sh serve.sh NABIJ_BINARY
set -u
bin=$1
command -v curl >/dev/null || { echo "curl is not installed"; exit 77; }
[ -n "${NABIJ_PG_APP:-}" ] || { echo "serve.sh runs under tests/hosted/with-pg.sh"; exit 77; }
[ -x "$(dirname "$bin")/nabij-serve" ] || { echo "nabij-serve is not built"; exit 77; }
tmp=$(mktemp -d)
pass=0
failed=0
pids=""
cleanup() {
	for p in $pids; do kill -TERM "$p" 2>/dev/null; done
	sleep 0.3
	for p in $pids; do kill -KILL "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
export LANGUAGE=en

ok() { pass=$((pass + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }
check() {	# check NAME COMMAND...
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then ok; else bad "$name"; fi
}
# req NAME STATUS curl-args...: the status of a request; its headers in
# $tmp/head, its body in $tmp/body
req() {
	name=$1 want=$2
	shift 2
	got=$(curl -s -o "$tmp/body" -D "$tmp/head" -w '%{http_code}' "$@")
	if [ "$got" = "$want" ]; then ok; else bad "$name: got $got, want $want"; fi
}
header() {	# header NAME PATTERN: the last response carries it
	if grep -qi -- "$2" "$tmp/head"; then ok; else bad "$1: no header matching $2"; fi
}
noheader() {
	if grep -qi -- "$2" "$tmp/head"; then bad "$1: header matching $2"; else ok; fi
}
cookie() {	# cookie NAME: the value the last response set
	sed -n "s/^[Ss]et-[Cc]ookie: $1=\([^;]*\).*/\1/p" "$tmp/head" | tr -d '\r' | tail -n 1
}
csrf() {	# the form token of the last page
	grep -o 'name="csrf" value="[^"]*"' "$tmp/body" | head -n 1 | sed 's/.*value="//; s/"$//'
}
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
# start NAME CONFIG: nabij serve in the background until it says it is open
start() {
	"$bin" serve --config "$2" >"$tmp/$1.out" 2>&1 &
	last=$!
	pids="$pids $last"
	i=0
	while [ $i -lt 100 ] && ! grep -q 'is open at' "$tmp/$1.out" 2>/dev/null; do
		kill -0 $last 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	if grep -q 'is open at' "$tmp/$1.out"; then ok; else bad "$1 starts: $(cat "$tmp/$1.out")"; fi
}

# --- the commands -----------------------------------------------------------
check "serve --help names nabij-serve" sh -c "'$bin' serve --help | grep -q nabij-serve"
check "serve --help in Dutch" sh -c "LANGUAGE=nl '$bin' serve --help | grep -q 'Gebruik'"
check "migrate --help" sh -c "'$bin' serve migrate --help | grep -q app-role"
check "invite --help" sh -c "'$bin' serve invite --help | grep -q admin"
check "migrate as the owner" "$bin" serve migrate --database "$NABIJ_PG_OWNER" --app-role nabij_app
check "migrate again changes nothing" "$bin" serve migrate --database "$NABIJ_PG_OWNER" --app-role nabij_app

port=$(free_port)
base="http://127.0.0.1:$port"
cat >"$tmp/serve.conf" <<EOF
# the test's server
listen = 127.0.0.1
port = $port
url = $base
database = $NABIJ_PG_APP
workers = 2
zone = Europe/Amsterdam
EOF

# refused at the start
"$bin" serve --config "$tmp/missing.conf" >"$tmp/out" 2>&1
check "a missing --config file is an error" test $? -ne 0
printf 'url = %s\nport = seventy\n' "$base" >"$tmp/bad.conf"
"$bin" serve --config "$tmp/bad.conf" >"$tmp/out" 2>&1
check "a bad line is named" grep -q 'line 2' "$tmp/out"
"$bin" serve --config "$tmp/serve.conf" --listen 0.0.0.0 --url http://nabij.example >"$tmp/out" 2>&1
st=$?
check "plain HTTP elsewhere than loopback refused" test $st -eq 2
check "and said so" grep -q 'plain HTTP' "$tmp/out"
"$bin" serve --config "$tmp/serve.conf" --trust-proxy yes --tls-cert /dev/null --tls-key /dev/null >"$tmp/out" 2>&1
check "trust-proxy with TLS refused" test $? -ne 0
timeout 20 "$bin" serve --config "$tmp/serve.conf" --database "$NABIJ_PG_OWNER" >"$tmp/out" 2>&1
st=$?
check "the owner role is refused at the start" test $st -ne 0 -a $st -ne 124
check "nothing listens after" sh -c "! curl -s -o /dev/null --max-time 2 '$base/signin'"

start plain "$tmp/serve.conf"
serve_pid=$last

# --- an invitation and a sign-up ------------------------------------------
"$bin" serve invite --database "$NABIJ_PG_APP" --url "$base" >"$tmp/invite" 2>&1
check "invite prints a link" grep -q "$base/signup?invite=" "$tmp/invite"
check "and how long it is valid" grep -q '7 days' "$tmp/invite"
invite=$(grep -o 'invite=[A-Za-z0-9_-]*' "$tmp/invite" | head -n 1 | cut -d= -f2)

req "a made-up invitation" 400 "$base/signup?invite=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
req "the sign-up page" 200 "$base/signup?invite=$invite"
check "a new password field" grep -q 'autocomplete="new-password"' "$tmp/body"
check "a name field" grep -q 'autocomplete="username"' "$tmp/body"
check "the zone field for the script" grep -q 'data-zone' "$tmp/body"
pre=$(cookie nabij_pre)
pre_csrf=$(csrf)
check "the pre-session token is in cookie and form alike" test -n "$pre" -a "$pre" = "$pre_csrf"
header "pre-session cookie flags" "Set-Cookie: nabij_pre=[^;]*; Path=/; HttpOnly; SameSite=Lax"
check "one pre-session cookie, not two" test "$(grep -ci '^set-cookie: nabij_pre=' "$tmp/head")" = 1
o="Origin: $base"
pw='a walk by the river at dusk'
req "sign-up without the pre-session cookie" 403 -H "$o" --data-urlencode "csrf=$pre_csrf" \
	--data-urlencode "invite=$invite" --data-urlencode "name=anna" --data-urlencode "password=$pw" "$base/signup"
req "sign-up" 303 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre_csrf" \
	--data-urlencode "invite=$invite" --data-urlencode "name=anna" --data-urlencode "password=$pw" \
	--data-urlencode "zone=Europe/Amsterdam" "$base/signup"
s1=$(cookie nabij_session)
header "session cookie flags (http)" "Set-Cookie: nabij_session=[^;]*; Path=/; HttpOnly; SameSite=Lax"
noheader "no Secure under http" "Set-Cookie: nabij_session=.*Secure"
noheader "no HSTS under http" "Strict-Transport-Security"
req "the invitation is spent" 400 "$base/signup?invite=$invite"

ck="Cookie: nabij_session=$s1"
req "today's page" 200 -H "$ck" "$base/"
check "a page of nabij" grep -q 'class="brand"' "$tmp/body"
check "with Sign out" grep -q 'action="/signout"' "$tmp/body"
check "no passphrase pages" sh -c "! grep -q 'href=\"/protect\"' '$tmp/body'"
req "a local route is no page" 404 -H "$ck" "$base/protect"
req "a check-in form" 200 -H "$ck" "$base/checkin"
token=$(csrf)
req "a check-in saved" 303 -H "$ck" -H "$o" --data-urlencode "csrf=$token" --data-urlencode "mood=4" "$base/checkin"
req "history" 200 -H "$ck" "$base/history"

# --- refused ---------------------------------------------------------------
req "no session: to sign in" 303 "$base/"
header "to /signin" "Location: /signin"
req "no session: a POST" 403 -H "$o" --data-urlencode "mood=3" "$base/checkin"
req "a made-up session" 303 -H "Cookie: nabij_session=BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB" "$base/"
req "CSRF: no form token" 403 -H "$ck" -H "$o" --data-urlencode "mood=3" "$base/checkin"
req "CSRF: a wrong form token" 403 -H "$ck" -H "$o" --data-urlencode "csrf=not-a-form-token" \
	--data-urlencode "mood=3" "$base/checkin"
req "CSRF: a form token of before: nothing saved, sent back" 409 -H "$ck" -H "$o" \
	--data-urlencode "csrf=0123456789abcdef0123456789abcdef" --data-urlencode "mood=3" "$base/checkin"
req "a foreign Origin" 403 -H "$ck" -H "Origin: https://evil.example" --data-urlencode "csrf=$token" \
	--data-urlencode "mood=3" "$base/checkin"
req "a foreign site" 403 -H "$ck" -H "Sec-Fetch-Site: cross-site" --data-urlencode "csrf=$token" \
	--data-urlencode "mood=3" "$base/checkin"
req "a wrong Host" 421 -H "$ck" -H "Host: evil.example:$port" "$base/"
req "localhost is not the public host" 421 -H "$ck" -H "Host: localhost:$port" "$base/"
req "sign-in without its token" 403 -H "$o" --data-urlencode "name=anna" --data-urlencode "password=$pw" "$base/signin"
req "sign-out without the form token" 403 -H "$ck" -H "$o" --data-urlencode "x=1" "$base/signout"
req "the session still works" 200 -H "$ck" "$base/"
check "headers: CSP" grep -qi "Content-Security-Policy: default-src 'none'" "$tmp/head"

# --- session fixation: a cookie planted before sign-in is never the session
planted=CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC
req "the sign-in page" 200 -H "Cookie: nabij_session=$planted" "$base/signin"
check "a current-password field" grep -q 'autocomplete="current-password"' "$tmp/body"
pre=$(cookie nabij_pre)
req "sign-in with a planted cookie" 303 -H "$o" -H "Cookie: nabij_session=$planted; nabij_pre=$pre" \
	--data-urlencode "csrf=$pre" --data-urlencode "name=anna" --data-urlencode "password=$pw" "$base/signin"
s2=$(cookie nabij_session)
check "a new session token" test -n "$s2" -a "$s2" != "$planted" -a "$s2" != "$s1"
req "the planted cookie is no session" 303 -H "Cookie: nabij_session=$planted" "$base/"
req "the new one is" 200 -H "Cookie: nabij_session=$s2" "$base/"

# --- signing out ends the session
token=$(csrf)
req "sign out" 303 -H "Cookie: nabij_session=$s2" -H "$o" --data-urlencode "csrf=$token" "$base/signout"
header "back to sign in" "Location: /signin"
header "the cookie is cleared" "Set-Cookie: nabij_session=; .*Max-Age=0"
req "the old cookie no longer works" 303 -H "Cookie: nabij_session=$s2" "$base/"
req "the first session still does" 200 -H "$ck" "$base/"

# --- the language before signing in: the sign-in page's own form (the
# pre-session's token), the same cookie as a signed-in person's /lang
req "sign-in page, English" 200 -H "Accept-Language: en" "$base/signin"
check "the language's form" grep -q 'action="/language"' "$tmp/body"
check "offers Dutch" grep -q 'lang="nl">Nederlands</button>' "$tmp/body"
pre=$(cookie nabij_pre)
req "language without the token" 403 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "lang=nl" \
	--data-urlencode "back=/signin" "$base/language"
noheader "no language set" "Set-Cookie: nabij_lang"
req "a language not there" 400 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre" \
	--data-urlencode "lang=fr" "$base/language"
req "to Dutch" 303 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre" --data-urlencode "lang=nl" \
	--data-urlencode "back=https://evil.example/" "$base/language"
header "back to sign in, never elsewhere" "Location: /signin"
header "the language's cookie" "Set-Cookie: nabij_lang=nl; Path=/; HttpOnly"
req "the sign-in page in Dutch" 200 -H "Accept-Language: en" -H "Cookie: nabij_lang=nl; nabij_pre=$pre" "$base/signin"
check "in Dutch" grep -q 'Inloggen bij nabij' "$tmp/body"
check "offers English" grep -q 'lang="en">English</button>' "$tmp/body"
fake=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
req "from a sign-up, back to it" 303 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre" \
	--data-urlencode "lang=en" --data-urlencode "back=/signup?invite=$fake" "$base/language"
header "the same invitation" "Location: /signup?invite=$fake"
req "the language page is only sent to" 303 "$base/language"

# --- the second factor: set up from the key the page shows (its code
# computed here), then a sign-in in two steps, a code refused again, a
# recovery code once, and off again with the password and a recovery code
totp() {	# totp KEY [SECONDS]: the code of the base32 KEY at now (+ SECONDS)
	python3 -c 'import base64, hmac, hashlib, struct, sys, time
k = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
h = hmac.new(k, struct.pack(">Q", int((time.time() + int(sys.argv[2])) // 30)), hashlib.sha1).digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000))' "$1" "${2:-0}"
}
field() {	# field NAME: the value of the last page's hidden field NAME
	grep -o "name=\"$1\" value=\"[^\"]*\"" "$tmp/body" | head -n 1 | sed 's/.*value="//; s/"$//'
}
"$bin" serve invite --database "$NABIJ_PG_APP" --url "$base" >"$tmp/invite" 2>&1
invite=$(grep -o 'invite=[A-Za-z0-9_-]*' "$tmp/invite" | head -n 1 | cut -d= -f2)
req "bea: the sign-up page" 200 "$base/signup?invite=$invite"
pre=$(cookie nabij_pre)
req "bea: sign-up" 303 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre" \
	--data-urlencode "invite=$invite" --data-urlencode "name=bea" --data-urlencode "password=$pw" "$base/signup"
cb="Cookie: nabij_session=$(cookie nabij_session)"
req "factor: the page" 200 -H "$cb" "$base/account/factor"
check "factor: in the menu" grep -q 'href="/account/factor"' "$tmp/body"
token=$(csrf)
req "factor: a form of no page" 400 -H "$cb" -H "$o" --data-urlencode "csrf=$token" --data-urlencode "action=nonsense" \
	"$base/account/factor"
check "factor: says so, above the forms" grep -q 'There is no such page in nabij' "$tmp/body"
req "factor: a form without its action" 400 -H "$cb" -H "$o" --data-urlencode "csrf=$token" "$base/account/factor"
req "factor: set up" 303 -H "$cb" -H "$o" --data-urlencode "csrf=$token" --data-urlencode "action=start" \
	"$base/account/factor"
req "factor: the key" 200 -H "$cb" "$base/account/factor"
check "factor: a QR code drawn in the page" grep -q '<svg class="qr"' "$tmp/body"
key=$(grep -o 'id="factor-key">[^<]*' "$tmp/body" | sed 's/.*>//; s/ //g')
check "factor: the key to type, in groups of four" test ${#key} -eq 32
first=$(totp "$key")
wrong=$(printf '%06d' $(( (1$first - 1000000 + 1) % 1000000 )))
req "factor: a wrong first code" 400 -H "$cb" -H "$o" --data-urlencode "csrf=$token" \
	--data-urlencode "action=confirm" --data-urlencode "code=$wrong" "$base/account/factor"
req "factor: the first code" 200 -H "$cb" -H "$o" --data-urlencode "csrf=$token" \
	--data-urlencode "action=confirm" --data-urlencode "code=$first" "$base/account/factor"
grep -o '<li><code>[a-z2-9]\{4\}-[a-z2-9]\{4\}</code>' "$tmp/body" | sed 's/<[^>]*>//g' >"$tmp/codes"
check "factor: ten recovery codes" test "$(sort -u "$tmp/codes" | wc -l)" -eq 10
rec1=$(sed -n 1p "$tmp/codes")
rec2=$(sed -n 2p "$tmp/codes")
req "factor: the page again" 200 -H "$cb" "$base/account/factor"
check "factor: the codes are shown once" sh -c "! grep -q '$rec1' '$tmp/body'"
check "factor: and the key too" sh -c "! grep -q 'factor-key' '$tmp/body'"
signin_bea() {	# the password step: the pending sign-in in $pending
	req "2fa: the sign-in page" 200 "$base/signin"
	pre=$(cookie nabij_pre)
	req "2fa: the password is one step" 200 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre" \
		--data-urlencode "name=bea" --data-urlencode "password=$pw" "$base/signin"
	noheader "2fa: no session after the password alone" "Set-Cookie: nabij_session="
	pending=$(field pending)
}
step2() {	# step2 NAME STATUS FIELD VALUE
	req "$1" "$2" -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre" \
		--data-urlencode "pending=$pending" --data-urlencode "$3=$4" "$base/signin"
}
signin_bea
check "2fa: a field for the code" grep -q 'autocomplete="one-time-code" inputmode="numeric"' "$tmp/body"
check "2fa: or a recovery code" grep -q 'name="recovery"' "$tmp/body"
check "2fa: the pending sign-in is no token's shape in the address" test -n "$pending"
step2 "2fa: the set-up's code is refused again" 400 code "$first"
step2 "2fa: a wrong code" 400 code "$wrong"
noheader "2fa: no session" "Set-Cookie: nabij_session="
step2 "2fa: the next code signs in" 303 code "$(totp "$key" 30)"
req "2fa: signed in" 200 -H "Cookie: nabij_session=$(cookie nabij_session)" "$base/"
step2 "2fa: a pending sign-in is used once" 400 code "$(totp "$key" 30)"
signin_bea
step2 "2fa: a recovery code signs in" 303 recovery "$rec1"
signin_bea
step2 "2fa: a recovery code works once" 400 recovery "$rec1"
# new recovery codes: asked with the password and a code; refused without
# its form token, or with a wrong password or code, changing nothing (the
# old code that asks at last still works); then the old ones are refused
# at once and a new one signs in once
req "factor: the page" 200 -H "$cb" "$base/account/factor"
check "new codes: a form of their own" grep -q 'name="action" value="codes"' "$tmp/body"
check "new codes: its fields apart from the other form's" grep -q 'id="f-new-password"' "$tmp/body"
check "new codes: 9 left" grep -q 'You have 9 recovery codes left' "$tmp/body"
token=$(csrf)
newcodes() {	# newcodes NAME STATUS PASSWORD CODE [CSRF]
	req "$1" "$2" -H "$cb" -H "$o" --data-urlencode "csrf=${5:-$token}" --data-urlencode "action=codes" \
		--data-urlencode "password=$3" --data-urlencode "code=$4" "$base/account/factor"
}
newcodes "new codes: without the form token" 403 "$pw" "$rec2" "not-a-form-token"
newcodes "new codes: a wrong password" 400 "not it" "$rec2"
check "new codes: said calmly at the field" grep -q 'id="f-new-password"[^>]*aria-invalid="true"' "$tmp/body"
check "new codes: the codes stay" grep -q 'Your recovery codes stay as they were' "$tmp/body"
check "new codes: no codes shown" sh -c "! grep -q '<ol class=\"codes\"' '$tmp/body'"
newcodes "new codes: a wrong code" 400 "$pw" "aaaa-bbbb"
check "new codes: still 9 left" grep -q 'You have 9 recovery codes left' "$tmp/body"
newcodes "new codes: made" 200 "$pw" "$rec2"
check "new codes: said" grep -q 'The old ones no longer work' "$tmp/body"
check "new codes: with the print button" grep -q 'data-print' "$tmp/body"
grep -o '<li><code>[a-z2-9]\{4\}-[a-z2-9]\{4\}</code>' "$tmp/body" | sed 's/<[^>]*>//g' >"$tmp/codes2"
check "new codes: ten" test "$(sort -u "$tmp/codes2" | wc -l)" -eq 10
check "new codes: none of the old" sh -c "! grep -qxF -f '$tmp/codes' '$tmp/codes2'"
new1=$(sed -n 1p "$tmp/codes2")
new2=$(sed -n 2p "$tmp/codes2")
rec3=$(sed -n 3p "$tmp/codes")
req "new codes: the page again" 200 -H "$cb" "$base/account/factor"
check "new codes: shown once" sh -c "! grep -q '$new1' '$tmp/body'"
check "new codes: 10 left" grep -q 'You have 10 recovery codes left' "$tmp/body"
signin_bea
step2 "new codes: an old code is refused at once" 400 recovery "$rec3"
step2 "new codes: a new one signs in" 303 recovery "$new1"
signin_bea
step2 "new codes: once" 400 recovery "$new1"
req "new codes: in bea's log" 200 -H "$cb" "$base/account"
check "new codes: their own line" grep -q '<td>New recovery codes made; the old ones no longer work</td>' "$tmp/body"
req "factor: the page" 200 -H "$cb" "$base/account/factor"
token=$(csrf)
req "factor: off without the password" 400 -H "$cb" -H "$o" --data-urlencode "csrf=$token" \
	--data-urlencode "action=off" --data-urlencode "password=not it" --data-urlencode "code=$new2" \
	"$base/account/factor"
check "factor: the refusal at the off form's field" grep -q 'id="f-password"[^>]*aria-invalid="true"' "$tmp/body"
check "factor: not at the new codes' form" sh -c "! grep -q 'id=\"f-new-password\"[^>]*aria-invalid' '$tmp/body'"
req "factor: off with the password and a recovery code" 303 -H "$cb" -H "$o" --data-urlencode "csrf=$token" \
	--data-urlencode "action=off" --data-urlencode "password=$pw" --data-urlencode "code=$new2" \
	"$base/account/factor"
req "the sign-in page" 200 "$base/signin"
pre=$(cookie nabij_pre)
req "factor off: the password signs in alone" 303 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre" \
	--data-urlencode "name=bea" --data-urlencode "password=$pw" "$base/signin"
check "no code or key in the server's output" sh -c "! grep -q -e '$key' -e '$rec1' -e '$first' -e '$new1' '$tmp/plain.out'"

# --- a worker that dies is replaced
worker=$(ps -o pid= --ppid "$serve_pid" | head -n 1 | tr -d ' ')
if [ -n "$worker" ]; then
	kill -KILL "$worker"
	i=0
	while [ $i -lt 50 ] && ! grep -q 'ended by signal' "$tmp/plain.out"; do sleep 0.1; i=$((i + 1)); done
	check "the parent says a worker ended" grep -q 'ended by signal 9' "$tmp/plain.out"
	sleep 0.5
	check "and starts another" test "$(ps -o pid= --ppid "$serve_pid" | wc -l)" -eq 2
	req "pages still come" 200 -H "$ck" "$base/"
else
	bad "no worker of $serve_pid found"
fi

# --- the database goes away and comes back ---------------------------------
# (with-pg.sh's cluster, stopped and started again under nabij serve's feet)
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as=""
[ "$(id -u)" -eq 0 ] && as="runuser -u nobody --"
if [ -n "${NABIJ_PG_HOST:-}" ] && [ -x "$pgbin/pg_ctl" ]; then
	for n in 1 2 3 4; do curl -s -o /dev/null -H "$ck" "$base/"; done	# each worker connected
	$as "$pgbin/pg_ctl" -D "$NABIJ_PG_HOST/data" -m fast -w stop >/dev/null 2>&1
	got=$(curl -s -o "$tmp/body" -w '%{http_code}' -H "$ck" "$base/")
	check "while the database is away: 503, not a sign-in page ($got)" test "$got" = 503
	check "and it says so calmly" grep -q 'cannot reach its database' "$tmp/body"
	check "and no word of the database's own" sh -c "! grep -qi -e 'libpq' -e 'PGSQL' -e 'socket' '$tmp/body'"
	$as "$pgbin/pg_ctl" -D "$NABIJ_PG_HOST/data" -l "$NABIJ_PG_HOST/server.log" -w -t 60 \
		-o "-k $NABIJ_PG_HOST -c listen_addresses= -c fsync=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=16MB" \
		start >/dev/null 2>&1
	ok200=0
	for n in 1 2 3 4 5 6; do
		[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$ck" "$base/")" = 200 ] && ok200=$((ok200 + 1))
	done
	check "when it is back, every request works at once (6 of 6: $ok200)" test $ok200 -eq 6
	check "no worker ended" sh -c "! grep -q 'ended by signal [^9]' '$tmp/plain.out'"
fi

# --- https: a certificate of the test's own --------------------------------
if command -v openssl >/dev/null; then
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 1 \
		-subj /CN=localhost -addext subjectAltName=DNS:localhost >/dev/null 2>&1
	tport=$(free_port)
	tbase="https://localhost:$tport"
	cat >"$tmp/tls.conf" <<EOF
listen = 127.0.0.1
port = $tport
url = $tbase
database = $NABIJ_PG_APP
workers = 1
tls-cert = $tmp/cert.pem
tls-key = $tmp/key.pem
EOF
	start tls "$tmp/tls.conf"
	c="--cacert $tmp/cert.pem"
	req "https: the sign-in page" 200 $c "$tbase/signin"
	header "https: HSTS" "Strict-Transport-Security: max-age="
	header "https: __Host- pre-session cookie, Secure" "Set-Cookie: __Host-nabij_pre=[^;]*; Path=/; Secure; HttpOnly; SameSite=Lax"
	pre=$(cookie __Host-nabij_pre)
	req "https: sign in" 303 $c -H "Origin: $tbase" -H "Cookie: __Host-nabij_pre=$pre" --data-urlencode "csrf=$pre" \
		--data-urlencode "name=anna" --data-urlencode "password=$pw" "$tbase/signin"
	header "https: the session cookie" "Set-Cookie: __Host-nabij_session=[^;]*; Path=/; Secure; HttpOnly; SameSite=Lax"
	s3=$(cookie __Host-nabij_session)
	req "https: the page" 200 $c -H "Cookie: __Host-nabij_session=$s3" "$tbase/"
	req "https: the plain cookie name is not the session" 303 $c -H "Cookie: nabij_session=$s3" "$tbase/"
	req "https: an http Origin is foreign" 403 $c -H "Cookie: __Host-nabij_session=$s3" -H "Origin: http://localhost:$tport" \
		--data-urlencode "csrf=x" "$tbase/checkin"
	check "https: no plain HTTP on its port" sh -c "! curl -s -o /dev/null --max-time 3 'http://localhost:$tport/signin' -w '%{http_code}' | grep -q 200"
else
	echo "openssl is not installed: the https part is not tried"
fi

# --- behind a proxy of this machine that ends TLS ---------------------------
pport=$(free_port)
cat >"$tmp/proxy.conf" <<EOF
port = $pport
url = https://nabij.example
database = $NABIJ_PG_APP
workers = 1
trust-proxy = yes
EOF
start proxy "$tmp/proxy.conf"
pb="http://127.0.0.1:$pport"
req "proxy: the public host" 200 -H "Host: nabij.example" -H "X-Forwarded-Proto: https" "$pb/signin"
header "proxy: HSTS for an https address" "Strict-Transport-Security"
header "proxy: __Host- cookie" "Set-Cookie: __Host-nabij_pre=[^;]*; Path=/; Secure"
req "proxy: plain HTTP goes to https" 301 -H "Host: nabij.example" -H "X-Forwarded-Proto: http" "$pb/signin"
header "proxy: to the https address" "Location: https://nabij.example/signin"
req "proxy: its own address is not the public one" 421 "$pb/signin"

# --- one's own account: sessions across two servers, the password, the log
# sign_in_as NAME PASSWORD BASE USER-AGENT: the session token
sign_in_as() {
	curl -s -o /dev/null -D "$tmp/head" "$3/signin" >/dev/null
	_pre=$(cookie nabij_pre)
	curl -s -o "$tmp/body" -D "$tmp/head" -A "$4" -H "Origin: $3" -H "Cookie: nabij_pre=$_pre" \
		--data-urlencode "csrf=$_pre" --data-urlencode "name=$1" --data-urlencode "password=$2" "$3/signin" >/dev/null
	cookie nabij_session
}
# sign_up_as NAME PASSWORD: a new account on the first server; the session token
sign_up_as() {
	"$bin" serve invite --database "$NABIJ_PG_APP" --url "$base" >"$tmp/invite" 2>&1
	_inv=$(grep -o 'invite=[A-Za-z0-9_-]*' "$tmp/invite" | head -n 1 | cut -d= -f2)
	curl -s -o /dev/null -D "$tmp/head" "$base/signup?invite=$_inv" >/dev/null
	_pre=$(cookie nabij_pre)
	curl -s -o "$tmp/body" -D "$tmp/head" -H "$o" -H "Cookie: nabij_pre=$_pre" --data-urlencode "csrf=$_pre" \
		--data-urlencode "invite=$_inv" --data-urlencode "name=$1" --data-urlencode "password=$2" \
		--data-urlencode "zone=Europe/Amsterdam" "$base/signup" >/dev/null
	cookie nabij_session
}
port2=$(free_port)
base2="http://127.0.0.1:$port2"
sed "s/^port = .*/port = $port2/; s|^url = .*|url = $base2|; s/^workers = .*/workers = 1/" "$tmp/serve.conf" >"$tmp/serve2.conf"
start second "$tmp/serve2.conf"
bpw='een fiets langs het kanaal'
ua_fx='Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0'
ua_sf='Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
sb0=$(sign_up_as bram "$bpw")
check "bram signed up" test -n "$sb0"
sbA=$(sign_in_as bram "$bpw" "$base" "$ua_fx")
sbB=$(sign_in_as bram "$bpw" "$base2" "$ua_sf")
check "two sessions, one on each server" test -n "$sbA" -a -n "$sbB" -a "$sbA" != "$sbB"
req "the sign-in page, for bram" 200 "$base/signin"
pre=$(cookie nabij_pre)
req "a failed sign-in" 400 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre" \
	--data-urlencode "name=bram" --data-urlencode "password=not his password" "$base/signin"
req "the account page, on the second server" 200 -H "Cookie: nabij_session=$sbB" "$base2/account"
check "lists the browser of the first" grep -q 'Firefox on Android' "$tmp/body"
check "and this one, marked" grep -q 'Safari on iOS</strong> · this browser' "$tmp/body"
check "three sessions" test "$(grep -o '<li><p><strong>' "$tmp/body" | wc -l)" -eq 3
check "a current-password field" grep -q 'autocomplete="current-password"' "$tmp/body"
check "a new-password field" grep -q 'autocomplete="new-password"' "$tmp/body"
check "recent sign-ins, calmly" grep -q 'If one of these was not you' "$tmp/body"
check "a failed one among them" grep -q 'A wrong password was typed' "$tmp/body"
check "the export's link" grep -q 'href="/export.json"' "$tmp/body"
check "the delete button" grep -q 'Delete my account and everything in it' "$tmp/body"
tokB=$(csrf)
idA=$(sed 's/<li>/\n<li>/g' "$tmp/body" | grep 'Firefox on Android' | grep -o 'name="id" value="[0-9]*"' | grep -o '[0-9]*' | head -n 1)
check "the first session has a number to end it by" test -n "$idA"
req "the first session still works" 200 -H "Cookie: nabij_session=$sbA" "$base/"
req "sign it out from the second server" 303 -H "Cookie: nabij_session=$sbB" -H "Origin: $base2" \
	--data-urlencode "csrf=$tokB" --data-urlencode "do=end" --data-urlencode "id=$idA" "$base2/account"
req "on the first server it is signed out" 303 -H "Cookie: nabij_session=$sbA" "$base/"
req "the second still is signed in" 200 -H "Cookie: nabij_session=$sbB" "$base2/account?done=ended"
check "and says the other went" grep -q 'That browser is signed out now' "$tmp/body"
req "an export" 200 -H "Cookie: nabij_session=$sbB" "$base2/export.json"
req "the password, with a wrong old one" 400 -H "Cookie: nabij_session=$sbB" -H "Origin: $base2" \
	--data-urlencode "csrf=$tokB" --data-urlencode "do=password" --data-urlencode "old=not my password" \
	--data-urlencode "password=een nieuwe fiets langs de dijk" "$base2/account"
check "said at the field" grep -q 'aria-invalid="true"' "$tmp/body"
check "nothing typed sent back" sh -c "! grep -q 'nieuwe fiets' '$tmp/body'"
req "the password changed" 303 -H "Cookie: nabij_session=$sbB" -H "Origin: $base2" \
	--data-urlencode "csrf=$tokB" --data-urlencode "do=password" --data-urlencode "old=$bpw" \
	--data-urlencode "password=een nieuwe fiets langs de dijk" "$base2/account"
req "the sign-up's session is signed out by it" 303 -H "Cookie: nabij_session=$sb0" "$base/"
req "this one is not" 200 -H "Cookie: nabij_session=$sbB" "$base2/account"
check "the log: password changed" grep -q '<td>Password changed</td>' "$tmp/body"
check "the log: exported" grep -q '<td>Everything exported</td>' "$tmp/body"
check "the log: signed in" grep -q '<td>Signed in</td>' "$tmp/body"
check "the log: a wrong password" grep -q '<td>A wrong password was typed</td>' "$tmp/body"
check "the log: when, short" grep -q '<span class="at">\(today\|yesterday\) [0-9][0-9]:[0-9][0-9]</span>' "$tmp/body"
check "a session: when, short" grep -q 'Signed in \(today\|yesterday\) [0-9][0-9]:[0-9][0-9] · last used' "$tmp/body"
check "no whole dates" sh -c "! grep -q -e 'day [0-9]* [A-Z][a-z]* 20[0-9][0-9]' '$tmp/body'"
req "the account page in Dutch" 200 -H "Cookie: nabij_session=$sbB; nabij_lang=nl" "$base2/account"
check "in Dutch" grep -q 'Wachtwoord gewijzigd' "$tmp/body"
check "when, in Dutch" grep -q '<span class="at">\(vandaag\|gisteren\) [0-9][0-9]:[0-9][0-9]</span>' "$tmp/body"
req "the account page is not nabij ui's" 404 -H "$ck" "$base/accounts"

# --- a person's data: hosted export into a local nabij, and back into a new account
req "bram checks in" 200 -H "Cookie: nabij_session=$sbB" "$base2/checkin"
tokB=$(csrf)
req "a check-in with words" 303 -H "Cookie: nabij_session=$sbB" -H "Origin: $base2" --data-urlencode "csrf=$tokB" \
	--data-urlencode "mood=2" --data-urlencode "note=fietsenmakerswoord bij het kanaal" "$base2/checkin"
req "a moment" 303 -H "Cookie: nabij_session=$sbB" -H "Origin: $base2" --data-urlencode "csrf=$tokB" \
	--data-urlencode "kind=call" --data-urlencode "with=Oma" --data-urlencode "note=lang gebeld" "$base2/moment"
curl -s -o "$tmp/hosted.json" -H "Cookie: nabij_session=$sbB" "$base2/export.json"
check "the hosted export holds the words" grep -q 'fietsenmakerswoord' "$tmp/hosted.json"
NABIJ_DB="$tmp/local.db" "$bin" import "$tmp/hosted.json" >"$tmp/out" 2>&1
check "imports whole into a local nabij" grep -q 'mported' "$tmp/out"
NABIJ_DB="$tmp/local.db" "$bin" export --out "$tmp/local.json" >"$tmp/out" 2>&1
same_records() {	# same_records A B: the same records, ids and the export's own time aside
	python3 - "$1" "$2" <<'PY'
import json, sys
def load(p):
    d = json.load(open(p))
    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if k not in ("id", "exported", "exported_at", "member_id", "with_id")}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x
    recs = d.get("records", d.get("entries", d)) if isinstance(d, dict) else d
    return sorted(json.dumps(strip(r), sort_keys=True) for r in recs)
a, b = load(sys.argv[1]), load(sys.argv[2])
if a != b or not a:
    print(len(a), len(b)); sys.exit(1)
PY
}
check "the local export holds every record of the hosted one" same_records "$tmp/hosted.json" "$tmp/local.json"
sc=$(sign_up_as carla 'een boot op het meer vandaag')
req "carla's data page" 200 -H "Cookie: nabij_session=$sc" "$base/data"
tokC=$(csrf)
req "the local export imported into a new hosted account" 303 -H "Cookie: nabij_session=$sc" -H "$o" \
	-F "csrf=$tokC" -F "file=@$tmp/local.json;type=application/json" "$base/data"
curl -s -o "$tmp/carla.json" -H "Cookie: nabij_session=$sc" "$base/export.json"
check "record for record" same_records "$tmp/local.json" "$tmp/carla.json"
req "carla's account page" 200 -H "Cookie: nabij_session=$sc" "$base/account"
check "the import is in her log" grep -q '<td>Records imported</td>' "$tmp/body"

# --- deleting the account
req "bram's page again" 200 -H "Cookie: nabij_session=$sbB" "$base2/account"
tokB=$(csrf)
req "deletion with a wrong password" 400 -H "Cookie: nabij_session=$sbB" -H "Origin: $base2" \
	--data-urlencode "csrf=$tokB" --data-urlencode "do=delete" --data-urlencode "password=not it" "$base2/account"
req "still there" 200 -H "Cookie: nabij_session=$sbB" "$base2/"
req "deleted" 303 -H "Cookie: nabij_session=$sbB" -H "Origin: $base2" \
	--data-urlencode "csrf=$tokB" --data-urlencode "do=delete" --data-urlencode "password=een nieuwe fiets langs de dijk" "$base2/account"
header "to the goodbye" "Location: /goodbye"
header "the cookie is cleared" "Set-Cookie: nabij_session=; .*Max-Age=0"
req "the goodbye page" 200 "$base2/goodbye"
check "says it calmly" grep -q 'Your account is deleted' "$tmp/body"
req "the goodbye page is only read" 405 -H "Origin: $base2" --data-urlencode "x=1" "$base2/goodbye"
req "the session is gone" 303 -H "Cookie: nabij_session=$sbB" "$base2/"
check "bram cannot sign in" test -z "$(sign_in_as bram 'een nieuwe fiets langs de dijk' "$base" "$ua_fx")"
check "none of it in the servers' output" sh -c "! grep -q -e bram -e carla -e fietsenmakers -e 'Password changed' -e 'wrong password' '$tmp/plain.out' '$tmp/second.out'"

# --- the admin page: someone not an admin finds no page; an admin lists
# the invitations, makes one (its link shown once), revokes one, and
# switches an account off (its session ends at once, it cannot sign in,
# calmly) and on again; each act in that person's log; no records' words
dpw='een boom vol spreeuwen in maart'
sd=$(sign_up_as dirk "$dpw")
cd_="Cookie: nabij_session=$sd"
req "admin: dirk writes a check-in" 200 -H "$cd_" "$base/checkin"
req "admin: saved" 303 -H "$cd_" -H "$o" --data-urlencode "csrf=$(csrf)" --data-urlencode "mood=4" \
	--data-urlencode "note=een ochtend bij de kwikstaartjes" "$base/checkin"
req "admin: dirk's words are kept" 200 -H "$cd_" "$base/history"
check "admin: (the words to look for)" grep -q kwikstaartjes "$tmp/body"
req "admin: not for someone not an admin" 404 -H "$cd_" "$base/admin"
check "admin: no link in their menu" sh -c "! grep -q 'href=\"/admin\"' '$tmp/body'"
req "admin: nor a post" 404 -H "$cd_" -H "$o" --data-urlencode "csrf=$(csrf)" --data-urlencode "do=disable" \
	--data-urlencode "name=anna" "$base/admin"
"$bin" serve invite --admin --database "$NABIJ_PG_APP" --url "$base" >"$tmp/invite" 2>&1
_inv=$(grep -o 'invite=[A-Za-z0-9_-]*' "$tmp/invite" | head -n 1 | cut -d= -f2)
curl -s -o /dev/null -D "$tmp/head" "$base/signup?invite=$_inv" >/dev/null
_pre=$(cookie nabij_pre)
curl -s -o "$tmp/body" -D "$tmp/head" -H "$o" -H "Cookie: nabij_pre=$_pre" --data-urlencode "csrf=$_pre" \
	--data-urlencode "invite=$_inv" --data-urlencode "name=beheer" --data-urlencode "password=$dpw" \
	--data-urlencode "zone=Europe/Amsterdam" "$base/signup" >/dev/null
ca="Cookie: nabij_session=$(cookie nabij_session)"
req "admin: the page" 200 -H "$ca" "$base/admin"
check "admin: in the admin's menu" grep -q 'href="/admin"' "$tmp/body"
check "admin: the invitations listed" grep -q 'makes an admin' "$tmp/body"
check "admin: used ones" grep -q 'Used' "$tmp/body"
check "admin: no token on it" sh -c "! grep -q '$_inv' '$tmp/body'"
req "admin: an invitation made" 200 -H "$ca" -H "$o" --data-urlencode "csrf=$(csrf)" --data-urlencode "do=invite" "$base/admin"
check "admin: its link shown once" grep -q "$base/signup?invite=" "$tmp/body"
new=$(grep -o 'invite=[A-Za-z0-9_-]*' "$tmp/body" | head -n 1 | cut -d= -f2)
req "admin: the link works" 200 "$base/signup?invite=$new"
req "admin: the page again" 200 -H "$ca" "$base/admin"
check "admin: the link not shown again" sh -c "! grep -q '$new' '$tmp/body'"
id=$(grep -o 'name="id" value="[0-9]*"' "$tmp/body" | head -n 1 | sed 's/.*value="//; s/"$//')
req "admin: revoked" 303 -H "$ca" -H "$o" --data-urlencode "csrf=$(csrf)" --data-urlencode "do=revoke" \
	--data-urlencode "id=$id" "$base/admin"
req "admin: the revoked link makes no account" 400 "$base/signup?invite=$new"
curl -s -o "$tmp/body" -H "$ca" "$base/admin"
req "admin: not twice" 400 -H "$ca" -H "$o" --data-urlencode "csrf=$(csrf)" --data-urlencode "do=revoke" \
	--data-urlencode "id=$id" "$base/admin"
curl -s -o "$tmp/body" -H "$ca" "$base/admin"
req "admin: dirk is switched off" 303 -H "$ca" -H "$o" --data-urlencode "csrf=$(csrf)" --data-urlencode "do=disable" \
	--data-urlencode "name=Dirk" "$base/admin"
req "admin: dirk's session ended at once" 303 -H "$cd_" "$base/"
check "admin: dirk cannot sign in" test -z "$(sign_in_as dirk "$dpw" "$base" curl/8)"
check "admin: and is told calmly" grep -q 'ask the people who run this nabij' "$tmp/body"
req "admin: the page after" 200 -H "$ca" "$base/admin?done=disabled"
check "admin: none of dirk's words on it" sh -c "! grep -q -e kwikstaartjes -e 'ochtend' '$tmp/body'"
req "admin: no such name" 400 -H "$ca" -H "$o" --data-urlencode "csrf=$(csrf)" --data-urlencode "do=disable" \
	--data-urlencode "name=niemand" "$base/admin"
curl -s -o "$tmp/body" -H "$ca" "$base/admin"
req "admin: on again" 303 -H "$ca" -H "$o" --data-urlencode "csrf=$(csrf)" --data-urlencode "do=enable" \
	--data-urlencode "name=dirk" "$base/admin"
sd=$(sign_in_as dirk "$dpw" "$base" curl/8)
check "admin: dirk signs in again" test -n "$sd"
req "admin: dirk's log" 200 -H "Cookie: nabij_session=$sd" "$base/account"
check "admin: says it was switched off" grep -q '<td>Account switched off by the people who run this nabij</td>' "$tmp/body"
check "admin: and on again" grep -q '<td>Account switched on again by the people who run this nabij</td>' "$tmp/body"
check "admin: nothing of the admin's own acts" sh -c "! grep -q 'As an admin' '$tmp/body'"
req "admin: dirk's log in Dutch" 200 -H "Cookie: nabij_session=$sd; nabij_lang=nl" "$base/account"
check "admin: in Dutch" grep -q 'weer aangezet' "$tmp/body"
# the admin's own log: each act, once, with when and from where; not the
# refused ones (a name of no one, a revocation a second time); no name
req "admin: the admin's own log" 200 -H "$ca" "$base/account"
sed -n '/id="log"/,/<\/table>/p' "$tmp/body" >"$tmp/adminlog"
check "admin: the invitation made" test "$(grep -c '<td>As an admin: made an invitation</td>' "$tmp/adminlog")" -eq 1
check "admin: the revocation, once" test "$(grep -c '<td>As an admin: revoked an invitation</td>' "$tmp/adminlog")" -eq 1
check "admin: the switch off, once" test "$(grep -c '<td>As an admin: switched an account off</td>' "$tmp/adminlog")" -eq 1
check "admin: and on again" test "$(grep -c '<td>As an admin: switched an account on again</td>' "$tmp/adminlog")" -eq 1
check "admin: from where" grep -q '<span class="addr">127.0.0.1</span>' "$tmp/adminlog"
check "admin: no one's name in it" sh -c "! grep -qi -e dirk -e niemand '$tmp/adminlog'"
check "admin: nothing of it in the server's output" sh -c "! grep -q -e dirk -e Dirk -e kwikstaartjes -e 'As an admin' '$tmp/plain.out'"

# --- sign-in attempts limited: the 6th refused even with the right password
req "the sign-in page again" 200 "$base/signin"
pre=$(cookie nabij_pre)
for n in 1 2 3 4 5; do
	req "wrong password $n" 400 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre" \
		--data-urlencode "name=anna" --data-urlencode "password=not the password $n" "$base/signin"
done
req "the 6th, right, is refused" 429 -H "$o" -H "Cookie: nabij_pre=$pre" --data-urlencode "csrf=$pre" \
	--data-urlencode "name=anna" --data-urlencode "password=$pw" "$base/signin"
noheader "no session" "Set-Cookie: nabij_session="
check "a calm word on when to try again" grep -q 'role="alert"' "$tmp/body"

# --- nothing personal in what the server wrote
check "no password in the server's output" sh -c "! grep -q 'river' '$tmp/plain.out' '$tmp/tls.out' 2>/dev/null"
check "no name in the server's output" sh -c "! grep -qw 'anna' '$tmp/plain.out'"

# --- SIGTERM stops the parent and its workers
kill -TERM "$serve_pid"
i=0
while [ $i -lt 50 ] && kill -0 "$serve_pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
check "SIGTERM stops nabij serve" sh -c "! kill -0 $serve_pid"
check "and its workers" test "$(ps -o pid= --ppid "$serve_pid" | wc -l)" -eq 0
check "nothing listens" sh -c "! curl -s -o /dev/null --max-time 2 '$base/signin'"

# a sanitizer build's reports go to the servers' output
check "no sanitizer report" sh -c "! cat '$tmp'/*.out | grep -q -e 'runtime error' -e 'Sanitizer'"

echo "serve: $pass passed, $failed failed"
[ $failed -eq 0 ]
