#!/bin/sh
# nabij serve in a phone's browser: nabij-serve over https with a
# certificate made here, beside a PostgreSQL of the test's own (started by
# with-pg.sh), two invitations; then phone.mjs (Debian's chromium driven by
# playwright-core, as a phone: touch, 375 px) signs two people up, one
# checks in, and the other never sees it. Prints "phone: N passed, N failed".
# Then account.mjs: one's own account on the phone (two-step sign-in, the
# sessions, the export, the deletion; the export into a local nabij and back
# into a new account). Prints "account: N passed, N failed".
#   with-pg.sh phone.sh NABIJ_BINARY [SHOTS]
# With SHOTS, phone.mjs also takes pictures of the account pages and of
# today at 375 and 1280 px, in English and Dutch, light and dark, into SHOTS.
set -u
bin=$1
shots=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
web=$here/../web
[ -n "${NABIJ_PG_APP:-}" ] || { echo "phone.sh runs under tests/hosted/with-pg.sh"; exit 77; }
[ -x "$(dirname "$bin")/nabij-serve" ] || { echo "nabij-serve is not built"; exit 77; }
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || [ ! -d "$web/node_modules/playwright-core" ] ||
	! command -v node >/dev/null; then
	echo "chromium or playwright-core is not installed (make test installs them)"
	exit 77
fi
command -v openssl >/dev/null || { echo "openssl is not installed"; exit 77; }
psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql
[ -x "$psql" ] || psql=$(command -v psql) || { echo "psql is not installed"; exit 77; }

tmp=$(mktemp -d)
serve_pid=""
cleanup() {
	[ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null
	sleep 0.3
	[ -n "$serve_pid" ] && kill -KILL "$serve_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
export LANGUAGE=en

fail() { echo "FAIL $*"; echo "phone: 0 passed, 1 failed"; exit 1; }

"$bin" serve migrate --database "$NABIJ_PG_OWNER" --app-role nabij_app >"$tmp/out" 2>&1 ||
	fail "migrate: $(cat "$tmp/out")"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 1 \
	-subj /CN=localhost -addext subjectAltName=DNS:localhost >/dev/null 2>&1 || fail "no test certificate"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="https://localhost:$port"
cat >"$tmp/serve.conf" <<EOF
listen = 127.0.0.1
port = $port
url = $base
database = $NABIJ_PG_APP
workers = 2
zone = Europe/Amsterdam
tls-cert = $tmp/cert.pem
tls-key = $tmp/key.pem
EOF
"$bin" serve --config "$tmp/serve.conf" >"$tmp/serve.out" 2>&1 &
serve_pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'is open at' "$tmp/serve.out" 2>/dev/null; do
	kill -0 $serve_pid 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
grep -q 'is open at' "$tmp/serve.out" || fail "nabij serve starts: $(cat "$tmp/serve.out")"

invite() {
	"$bin" serve invite --database "$NABIJ_PG_APP" --url "$base" 2>&1 | grep -o "$base/signup?invite=[A-Za-z0-9_-]*" | head -n 1
}
a=$(invite)
b=$(invite)
c=$(invite)	# for the pictures of the sign-up page: never spent
d=$(invite)	# account.mjs: the person who leaves
e=$(invite)	# account.mjs: the new account her export goes back into
[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ -n "$d" ] && [ -n "$e" ] || fail "the invitations"

NABIJ_BASE=$base NABIJ_INVITE_A=$a NABIJ_INVITE_B=$b NABIJ_INVITE_C=$c NABIJ_PSQL=$psql NABIJ_SHOTS=$shots \
	node "$here/phone.mjs"
st=$?
NABIJ_BASE=$base NABIJ_INVITE_D=$d NABIJ_INVITE_E=$e NABIJ_BIN=$bin NABIJ_TMP=$tmp NABIJ_SHOTS=$shots \
	node "$here/account.mjs" || st=1
# a sanitizer build's reports go to the server's output
if grep -q -e 'runtime error' -e 'Sanitizer' "$tmp/serve.out"; then
	echo "FAIL a sanitizer report:"
	cat "$tmp/serve.out"
	echo "phone: 0 passed, 1 failed"
	st=1
fi
exit $st
