#!/bin/sh
# The browser tests, when their tools are there: Debian's chromium and
# playwright-core (npm ci in this folder). make test installs both.
# e2e.mjs walks every part of the UI; personas.mjs replays the usability
# test's three people by what they see (phone in Dutch, laptop in English,
# a large screen at 150 % in Dutch);
# experiment.mjs two whole personal experiments (a short one, then the
# default 30 days answered every day) on a clock moved day by day.
# With a SCRIPT, only that one: look.mjs (every page state checked by
# axe-core, and the layout at 320 and 375 px) runs on its own, in the
# plain build only (tests/meson.build).
#   run-e2e.sh NABIJ_BINARY SCREENSHOT_DIR [SCRIPT]
set -u
here=$(dirname "$0")
if [ ! -x /usr/bin/chromium ] || [ ! -d "$here/node_modules/playwright-core" ] || ! command -v node >/dev/null; then
	echo "chromium or playwright-core is not installed (make test installs them)"
	exit 77
fi
if [ -n "${3:-}" ]; then
	if [ "$3" = look.mjs ] && [ ! -d "$here/node_modules/axe-core" ]; then
		echo "axe-core is not installed (make test installs it)"
		exit 77
	fi
	exec node "$here/$3" "$1" "$2"
fi
node "$here/e2e.mjs" "$1" "$2"
one=$?
[ -n "${NABIJ_E2E_ONLY:-}" ] && exit $one	# the valgrind subset of make test
node "$here/personas.mjs" "$1" "$2"
two=$?
node "$here/experiment.mjs" "$1" "$2"
three=$?
[ "$one" -eq 0 ] && [ "$two" -eq 0 ] && [ "$three" -eq 0 ]
