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

export LANGUAGE=en

fail() { echo "FAIL $*"; echo "phone: 0 passed, 1 failed"; exit 1; }

. "$here/start-serve.sh"

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
if sanitizer_said; then
	echo "phone: 0 passed, 1 failed"
	st=1
fi
exit $st
