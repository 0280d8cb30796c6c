#!/bin/sh
# The browser tests, when their tools are there: Debian's chromium and
# playwright-core (npm ci in this folder). make test installs both.
#   run-e2e.sh NABIJ_BINARY SCREENSHOT_DIR
set -u
here=$(dirname "$0")
if [ ! -x /usr/bin/chromium ] || [ ! -d "$here/node_modules/playwright-core" ] || ! command -v node >/dev/null; then
	echo "chromium or playwright-core is not installed (make test installs them)"
	exit 77
fi
exec node "$here/e2e.mjs" "$1" "$2"
