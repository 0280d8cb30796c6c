#!/bin/sh
# The browser tests, when their tools are there: Debian's chromium and
# playwright-core (npm ci in this folder). make test installs both.
# e2e.mjs walks every part of the UI; personas.mjs replays the usability
# test's three people by what they see (phone in Dutch, laptop in English,
# a large screen at 150 % in Dutch);
# experiment.mjs two whole personal experiments (a short one, then the
# default 30 days answered every day) on a clock moved day by day.
#   run-e2e.sh NABIJ_BINARY SCREENSHOT_DIR
set -u
here=$(dirname "$0")
if [ ! -x /usr/bin/chromium ] || [ ! -d "$here/node_modules/playwright-core" ] || ! command -v node >/dev/null; then
	echo "chromium or playwright-core is not installed (make test installs them)"
	exit 77
fi
node "$here/e2e.mjs" "$1" "$2"
one=$?
[ -n "${NABIJ_E2E_ONLY:-}" ] && exit $one	# the valgrind subset of make test
node "$here/personas.mjs" "$1" "$2"
two=$?
node "$here/experiment.mjs" "$1" "$2"
three=$?
[ "$one" -eq 0 ] && [ "$two" -eq 0 ] && [ "$three" -eq 0 ]
