#!/bin/sh
# How nabij serve's own pages look and read: nabij-serve beside a
# PostgreSQL of the test's own (with-pg.sh; start-serve.sh starts it), as
# behind a proxy, so that a browser can come from a long IPv6 address; an
# invitation for each language and scheme and one for an admin; then
# look.mjs checks signing in and up, /account, /account/factor and /admin
# with axe-core in English and Dutch, light and dark, at 375 and 1280 px.
# Prints "look-hosted: N passed, N failed".
#   with-pg.sh look.sh NABIJ_BINARY [SHOTS]
# With SHOTS, a whole-page picture of every state into SHOTS.
set -u
bin=$1
shots=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
web=$here/../web
[ -n "${NABIJ_PG_APP:-}" ] || { echo "look.sh runs under tests/hosted/with-pg.sh"; exit 77; }
[ -x "$(dirname "$bin")/nabij-serve" ] || { echo "nabij-serve is not built"; exit 77; }
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || [ ! -d "$web/node_modules/playwright-core" ] ||
	[ ! -d "$web/node_modules/axe-core" ] || ! command -v node >/dev/null; then
	echo "chromium, playwright-core or axe-core is not installed (make test installs them)"
	exit 77
fi
export LANGUAGE=en

fail() { echo "FAIL $*"; echo "look-hosted: 0 passed, 1 failed"; exit 1; }

proxy=1
. "$here/start-serve.sh"

invites=""
for n in 1 2 3 4; do
	i=$(invite)
	[ -n "$i" ] || fail "the invitations"
	invites="$invites $i"
done
admin=$(invite --admin)
[ -n "$admin" ] || fail "the admin's invitation"

NABIJ_BASE=$base NABIJ_INVITES=$invites NABIJ_INVITE_ADMIN=$admin NABIJ_SHOTS=$shots node "$here/look.mjs"
st=$?
if sanitizer_said; then
	echo "look-hosted: 0 passed, 1 failed"
	st=1
fi
exit $st
