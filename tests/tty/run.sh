#!/bin/sh
# Terminal tests: nabij in a real terminal (tmux), read off the screen as a
# person sees it. The breathing pacer shows its phases and bar and stops on
# Ctrl-C keeping the time done; the interactive check-in ends with a
# suggestion; on first use nabij offers a passphrase, asked without echo. Prints "tty: N passed, N failed".
#
#   run.sh NABIJ_BINARY
set -u
bin=$1
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 77; }
tmp=$(mktemp -d)
sock="$tmp/tmux.sock"
pass=0
failed=0
export NABIJ_DB="$tmp/nabij.db" TZ=Europe/Amsterdam LC_ALL=C.UTF-8 LANGUAGE=en HOME="$tmp"
unset NO_COLOR NABIJ_NOW

t() { tmux -S "$sock" "$@"; }
screen() { t capture-pane -p -t s; }
check() {	# check NAME PATTERN: the screen shows PATTERN
	if screen | grep -q -- "$2"; then
		pass=$((pass + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $1: the screen does not show \"$2\":"
		screen | sed 's/^/  | /'
	fi
}
wait_for() {	# wait up to 10 s (times NABIJ_TEST_SLOW) for PATTERN on the screen
	i=0
	while [ $i -lt $((100 * ${NABIJ_TEST_SLOW:-1})) ] && ! screen | grep -q -- "$1"; do
		sleep 0.1
		i=$((i + 1))
	done
}

# A session that stays, so the server does not exit (and race the next
# session's start) each time a test's session is killed.
t new-session -d -s keep "sleep 600"

# 1. The pacer: in, hold, out, a bar, time left, Ctrl-C keeps the time.
# It is the first use, so nabij first offers a passphrase; no for now.
t new-session -d -s s -x 100 -y 30 "$bin breathe --minutes 1; echo EXIT=\$?; sleep 60"
wait_for "Lock it with a passphrase now"
check "first use: the offer" "Lock it with a passphrase now? \[y/N\]"
check "first use: where the file is" "$NABIJ_DB"
t send-keys -t s Enter
wait_for "How tense are you now"
check "asks tension before" "How tense are you now"
t send-keys -t s 4 Enter
wait_for "Breathe in"
check "in-breath" "Breathe in"
check "time left" "left"
wait_for "Hold"
check "hold" "Hold"
check "full bar while holding" "\[████████████████████████\]"
wait_for "Breathe out"
check "out-breath" "Breathe out"
sleep 1
t send-keys -t s C-c
wait_for "And now"
check "stopped early" "Stopped early"
t send-keys -t s 2 Enter
wait_for "EXIT="
check "saved with the seconds done" "Saved exercise #1: self-soothing breath · [0-9]* s · in 4, hold 2, out 6 seconds · tension 4 → 2"
check "exit status" "EXIT=0"
t kill-session -t s

# 2. The interactive check-in ends with a fitting suggestion.
t new-session -d -s s -x 100 -y 60 "$bin checkin; echo EXIT=\$?; sleep 60"
wait_for "Body:"
for answer in "tension@shoulders" "fear:3" "rest" "2" "3" "3" "4" "3" "6.5" "2" "" ""; do
	t send-keys -t s "$answer" Enter
	sleep 0.15
done
wait_for "EXIT="
check "check-in saved" "Saved check-in #2"
check "suggestion" "A suggestion: self-soothing breath (nabij breathe)"
check "why" "You feel racing and restless"
t kill-session -t s

# 3. First use elsewhere, saying yes: the passphrase twice, without echo.
t new-session -d -s s -x 100 -y 30 "NABIJ_DB='$tmp/locked/nabij.db' $bin today; echo EXIT=\$?; sleep 60"
wait_for "Lock it with a passphrase now"
t send-keys -t s y Enter
wait_for "New passphrase"
t send-keys -t s "too short" Enter
wait_for "once more"
t send-keys -t s "not the same one" Enter
wait_for "differ"
check "lock: two different ones are refused" "The two passphrases differ"
wait_for "New passphrase: *$"
t send-keys -t s "a sentence to remember" Enter
sleep 0.3
t send-keys -t s "a sentence to remember" Enter
wait_for "EXIT="
check "lock: locked" "Locked. Keep the passphrase somewhere safe"
check "lock: then the day" "Nothing recorded yet today"
check "lock: exit status" "EXIT=0"
if screen | grep -q "a sentence to remember"; then
	failed=$((failed + 1))
	echo "FAIL lock: the passphrase was echoed"
else
	pass=$((pass + 1))
fi
if [ -s "$tmp/locked/nabij.db.header" ] && ! head -c 15 "$tmp/locked/nabij.db" | grep -q "SQLite format"; then
	pass=$((pass + 1))
else
	failed=$((failed + 1))
	echo "FAIL lock: the database is not encrypted"
fi
t kill-server 2>/dev/null
rm -rf "$tmp"
echo "tty: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
