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
	: >"$1"
	"$bin" ui --no-open --address >"$1" 2>&1 &
	i=0
	while [ $i -lt $((50 * slow)) ] && ! grep -q 'token=' "$1"; do sleep 0.1; i=$((i + 1)); done
	url=$(grep -o 'http://[0-9.]*:[0-9]*/?token=[0-9a-f]*' "$1")
}

start "$tmp/one"
first=$url
check "first start prints an address" test -n "$first"
check "the address file is the owner's only" \
	test "$(stat -c %a "$tmp/nabij.db-ui")" = 600
"$bin" ui --no-open --address >"$tmp/two" 2>&1
check "second start exits at once" test $? -eq 0
check "second start names the running one" grep -q "already open" "$tmp/two"
check "second start gives the same address" grep -qF "$first" "$tmp/two"
check "no second server" test "$(grep -c 'token=' "$tmp/two")" -eq 1

base=${first%%/\?*}
token=${first##*token=}
code=$(curl -s -o "$tmp/page" -w '%{http_code}' "$base/")
check "an old bookmark without the cookie: a page, not an error" test "$code" = 403
check "it says how to get back in (a build run from its folder: as it was started)" grep -q "make run" "$tmp/page"
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


# ---- The secret goes nowhere else (docs/SECURITY.md, another user of the
# same computer). The parts that play that other user run as "nobody";
# they need root to become it (CI runs as root).
ip_of() { u=${1#http://}; echo "${u%%:*}"; }
port_of() { u=${1#http://}; u=${u#*:}; echo "${u%%/*}"; }
other=""
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1 && command -v runuser >/dev/null && [ -x /usr/bin/python3 ]; then
	other=$(mktemp -d)
	chmod 1777 "$other"
	cat >"$other/listen.py" <<'PY'
# listen.py IP PORT LOG SECONDS: take connections, write what they send to LOG
import socket, sys, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
for attempt in range(50):	# nabij may take a moment to let its port go after --stop
    try:
        s.bind((sys.argv[1], int(sys.argv[2])))
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("listen.py: the port stayed taken")
s.listen(16)
s.settimeout(0.2)
end = time.time() + float(sys.argv[4])
open(sys.argv[3] + ".up", "w").close()
with open(sys.argv[3], "ab") as log:
    while time.time() < end:
        try:
            c, _ = s.accept()
        except socket.timeout:
            continue
        c.settimeout(1)
        try:
            log.write(c.recv(4096)); log.flush()
            c.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 64\r\n\r\n" + b"0" * 64)
        except OSError:
            pass
        c.close()
PY
	chmod 644 "$other/listen.py"
else
	echo "again: the checks as another user need root (to run as nobody); skipped"
fi
as_other() { runuser -u nobody -- "$@"; }
listen_as_other() {	# listen_as_other IP PORT LOG SECONDS: in the background, ready on return
	rm -f "$3.up"
	as_other /usr/bin/python3 "$other/listen.py" "$1" "$2" "$3" "$4" &
	i=0
	while [ $i -lt 50 ] && [ ! -f "$3.up" ]; do sleep 0.1; i=$((i + 1)); done
}

if [ -n "$other" ]; then
	# 1. The remembered port taken by another user while nabij was stopped:
	# a new address and a new secret, and a word why.
	start "$tmp/four"
	before=$url
	"$bin" ui --stop >/dev/null 2>&1
	listen_as_other "$(ip_of "$before")" "$(port_of "$before")" "$other/taken.log" 20
	start "$tmp/five"
	check "port taken: not the same address" test "${url%%/\?*}" != "${before%%/\?*}"
	check "port taken: a new address, not the next port of the old one" \
		test "$(ip_of "$url")" != "$(ip_of "$before")"
	check "port taken: a new secret" test "${url##*token=}" != "${before##*token=}"
	check "port taken: says why in plain words" grep -q "taken by another program" "$tmp/five"
	check "port taken: the old secret signs nothing in" \
		test "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: nabij_session=${before##*token=}" "${url%%/\?*}/")" = 403
	check "port taken: the new place is remembered" grep -q "${url##*token=}" "$tmp/nabij.db-ui"
	"$bin" ui --stop >/dev/null 2>&1

	# Another port asked for: a new address and secret as well.
	remembered=$url
	: >"$tmp/six"
	"$bin" ui --no-open --address --port 7399 >"$tmp/six" 2>&1 &
	i=0
	while [ $i -lt $((50 * slow)) ] && ! grep -q 'token=' "$tmp/six"; do sleep 0.1; i=$((i + 1)); done
	url=$(grep -o 'http://[0-9.]*:[0-9]*/?token=[0-9a-f]*' "$tmp/six")
	check "another port: its own address" test "$(ip_of "$url")" != "$(ip_of "$remembered")"
	check "another port: its own secret" test "${url##*token=}" != "${remembered##*token=}"
	"$bin" ui --stop >/dev/null 2>&1

	# 2. A stale file: the process it names now another user's, and another
	# user listening at its address. Nothing is sent there, nothing killed.
	as_other sleep 60 &
	sleep 0.3
	victim=$(pgrep -u nobody -n -x sleep)
	listen_as_other 127.77.0.9 7419 "$other/stale.log" 20
	printf 'nabij-ui 1 127.77.0.9 7419 0123456789abcdef0123456789abcdef %s\n' "$victim" >"$tmp/nabij.db-ui"
	chmod 600 "$tmp/nabij.db-ui"
	"$bin" ui --stop >"$tmp/stop3" 2>&1
	check "stale file: stop says nothing runs" grep -q "not running" "$tmp/stop3"
	check "stale file: stop kills no other process" kill -0 "$victim"
	start "$tmp/seven"
	check "stale file: nabij serves itself" grep -q "Press Ctrl-C" "$tmp/seven"
	check "stale file: not at the other user's address" test "$(ip_of "$url")" != 127.77.0.9
	check "stale file: the remembered secret goes nowhere" sh -c "! grep -q 0123456789abcdef '$other/stale.log' 2>/dev/null"
	check "stale file: nor the new one" sh -c "! grep -q '${url##*token=}' '$other/stale.log' 2>/dev/null"
	"$bin" ui --stop >/dev/null 2>&1
	kill "$victim" 2>/dev/null

	# The lock, not a file, says who runs: --stop on a nabij that does not
	# stop in time says so.
	start "$tmp/eight"
	pid=$(pgrep -n -f "$bin ui --no-open --address")
	kill -STOP "$pid"
	"$bin" ui --stop >"$tmp/stop4" 2>&1
	status=$?
	check "a nabij that does not stop: stop says it is still running" grep -q "still running" "$tmp/stop4"
	check "a nabij that does not stop: stop fails" test "$status" -ne 0
	kill -CONT "$pid"
	i=0
	while [ $i -lt $((50 * slow)) ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
	check "it stops once it can" sh -c "! kill -0 $pid 2>/dev/null"

	# Two started at the same moment: one serves, the other opens it.
	"$bin" ui --no-open --address >"$tmp/twin1" 2>&1 &
	"$bin" ui --no-open --address >"$tmp/twin2" 2>&1 &
	sleep $((2 * slow))
	check "two at once: one serves" test "$(cat "$tmp/twin1" "$tmp/twin2" | grep -c 'Press Ctrl-C')" -eq 1
	check "two at once: the other names it" test "$(cat "$tmp/twin1" "$tmp/twin2" | grep -c 'already open')" -eq 1
	"$bin" ui --stop >/dev/null 2>&1
	wait 2>/dev/null

	# 3. The secret is never an argument of another program, nor printed
	# unasked: the browser gets a page in a private folder.
	mkdir -p "$tmp/bin"
	cat >"$tmp/bin/xdg-open" <<SH
#!/bin/sh
printf '%s\n' "\$*" >>"$tmp/opened"
stat -c %a "\$1" >>"$tmp/opened"
stat -c %a "\$(dirname "\$1")" >>"$tmp/opened"
cat "\$1" >>"$tmp/opened"
runuser -u nobody -- cat "\$1" >>"$tmp/opened" 2>&1 && echo OTHER-READ >>"$tmp/opened"
SH
	chmod 755 "$tmp/bin/xdg-open"
	rm -f "$tmp/opened"
	PATH="$tmp/bin:$PATH" DISPLAY=:99 "$bin" ui >"$tmp/nine" 2>&1 &
	i=0
	while [ $i -lt $((50 * slow)) ] && ! grep -q 'OTHER\|Permission' "$tmp/opened" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
	check "browser: the address printed without its secret" sh -c "grep -q 'open' '$tmp/nine' && ! grep -q 'token=' '$tmp/nine'"
	check "browser: the opener's argument holds no secret" sh -c "head -n 1 '$tmp/opened' | grep -v -q 'token='"
	check "browser: the page is the owner's only" test "$(sed -n 2p "$tmp/opened")" = 600
	check "browser: in a private folder" test "$(sed -n 3p "$tmp/opened")" = 700
	check "browser: the page carries the secret on" grep -q 'token=[0-9a-f]\{32\}' "$tmp/opened"
	check "browser: another user cannot read the page" sh -c "! grep -q OTHER-READ '$tmp/opened'"
	rm -f "$tmp/opened"
	PATH="$tmp/bin:$PATH" DISPLAY=:99 "$bin" ui >"$tmp/ten" 2>&1
	sleep 0.5
	check "browser, second start: no secret printed" sh -c "grep -q 'already open' '$tmp/ten' && ! grep -q 'token=' '$tmp/ten'"
	check "browser, second start: opened through a page" grep -q 'open.html' "$tmp/opened"
	check "--address prints it when asked" sh -c "'$bin' ui --address --no-open | grep -q 'token=[0-9a-f]\{32\}'"
	"$bin" ui --stop >/dev/null 2>&1

	# 4. The files beside the database are outside input.
	rm -f "$tmp/nabij.db-ui"
	mkfifo "$tmp/nabij.db-ui"
	start "$tmp/eleven"
	check "a pipe as the place file: nabij starts all the same" grep -q "Press Ctrl-C" "$tmp/eleven"
	check "a pipe as the place file: it says it does not use it" grep -q "does not use it" "$tmp/eleven"
	check "a pipe as the place file: replaced by a file" test -f "$tmp/nabij.db-ui"
	"$bin" ui --stop >/dev/null 2>&1
	echo keep >"$other/target"
	rm -f "$tmp/nabij.db-ui"
	ln -s "$other/target" "$tmp/nabij.db-ui"
	start "$tmp/twelve"
	check "a link as the place file: its target is not written" test "$(cat "$other/target")" = keep
	check "a link as the place file: a file of nabij's own instead" sh -c "test -f '$tmp/nabij.db-ui' && ! test -L '$tmp/nabij.db-ui'"
	"$bin" ui --stop >/dev/null 2>&1
	printf 'nabij-ui 2 127.88.0.5 7419 fedcba9876543210fedcba9876543210\n' >"$tmp/nabij.db-ui"
	chmod 644 "$tmp/nabij.db-ui"
	start "$tmp/thirteen"
	check "a place file others can read: its secret is not used" sh -c "! grep -q fedcba98 '$tmp/thirteen'"
	"$bin" ui --stop >/dev/null 2>&1
	printf 'nabij-ui 2 127.88.0.5 7419 fedcba9876543210fedcba9876543210\n' >"$tmp/nabij.db-ui"
	chmod 600 "$tmp/nabij.db-ui"
	chown nobody "$tmp/nabij.db-ui"
	start "$tmp/fourteen"
	check "another user's place file: its secret is not used" sh -c "! grep -q fedcba98 '$tmp/fourteen'"
	"$bin" ui --stop >/dev/null 2>&1
	rm -f "$tmp/nabij.db-ui.lock"
	ln -s "$other/target" "$tmp/nabij.db-ui.lock"
	"$bin" ui --no-open --address >"$tmp/fifteen" 2>&1
	check "a link as the lock file: refused with a word" sh -c "test $? -ne 0 && grep -q 'not a file nabij made' '$tmp/fifteen'"
	check "a link as the lock file: its target untouched" test "$(cat "$other/target")" = keep
	rm -f "$tmp/nabij.db-ui.lock"

	# In a shared folder (sticky, like /tmp) with an ordinary person
	# ("daemon" here): another user's lock file or database is refused,
	# never used.
	if id daemon >/dev/null 2>&1; then
		shared="$other/shared"
		mkdir "$shared" && chmod 1777 "$shared"
		cp "$bin" "$other/nabij" && chmod 755 "$other/nabij"
		as_other sh -c "umask 077; : >'$shared/nabij.db-ui.lock'"
		runuser -u daemon -- env NABIJ_DB="$shared/nabij.db" LANGUAGE=en HOME="$shared" \
			timeout 10 "$other/nabij" ui --no-open --address >"$other/daemon-ui" 2>&1
		status=$?
		check "shared folder: another user's lock file is refused" sh -c "test $status -eq 1 && grep -q 'not a file nabij made' '$other/daemon-ui'"
		as_other sh -c "rm -f '$shared/nabij.db-ui.lock'; : >'$shared/nabij.db'; chmod 666 '$shared/nabij.db'"
		runuser -u daemon -- env NABIJ_DB="$shared/nabij.db" LANGUAGE=en HOME="$shared" \
			"$other/nabij" checkin --mood 3 --note "words for nobody else" >"$other/daemon-checkin" 2>&1
		status=$?
		check "shared folder: another user's database is not written" sh -c "test $status -ne 0 && ! grep -q 'words for nobody' '$shared/nabij.db'"
		check "shared folder: said in words" grep -q "not a file of yours" "$other/daemon-checkin"
	fi
	rm -rf "$other"
fi

# Pages for a browser without the session carry no form token.
start "$tmp/locked"
base=${url%%/\?*}
curl -s -o "$tmp/nosession" "$base/"
check "without the session: no form token on the page" sh -c "! grep -q 'name=\"csrf\"' '$tmp/nosession'"
"$bin" ui --stop >/dev/null 2>&1

# A database in memory leaves no file beside it.
(cd "$tmp" && NABIJ_DB=:memory: "$bin" ui --no-open --address >"$tmp/mem" 2>&1 &
	i=0; while [ $i -lt $((50 * slow)) ] && ! grep -q 'token=' "$tmp/mem"; do sleep 0.1; i=$((i + 1)); done
	kill $! 2>/dev/null; wait 2>/dev/null)
check "in memory: no :memory:-ui file" sh -c "! ls '$tmp' | grep -q memory"

# Signing every other browser out: a new secret, this browser keeps it.
start "$tmp/sixteen"
base=${url%%/\?*}
token=${url##*token=}
ck="Cookie: nabij_session=$token"
csrf=$(curl -s -H "$ck" "$base/data" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | grep -o '[0-9a-f]\{32\}')
curl -s -D "$tmp/head" -o /dev/null -H "$ck" -H "Origin: $base" --data "csrf=$csrf&signout=1" "$base/data"
new=$(grep -io 'nabij_session=[0-9a-f]*' "$tmp/head" | head -n 1 | cut -d= -f2)
check "sign out: this browser gets a new session" sh -c "test -n '$new' && test '$new' != '$token'"
check "sign out: the old session is refused" \
	test "$(curl -s -o /dev/null -w '%{http_code}' -H "$ck" "$base/")" = 403
check "sign out: the new one works" \
	test "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: nabij_session=$new" "$base/")" = 200
check "sign out: remembered for the next start" grep -q "$new" "$tmp/nabij.db-ui"
# A form left open across a restart still sends (its token follows from the session).
csrf=$(curl -s -H "Cookie: nabij_session=$new" "$base/moment" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | grep -o '[0-9a-f]\{32\}')
"$bin" ui --stop >/dev/null 2>&1
start "$tmp/seventeen"
check "a form left open across a restart is saved" \
	test "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: nabij_session=$new" -H "Origin: $base" \
		--data "csrf=$csrf&kind=talk&note=across+a+restart" "$base/moment")" = 303
# One from before a sign-out comes back with its words and a button.
curl -s -o "$tmp/resend" -w '%{http_code}' -H "Cookie: nabij_session=$new" -H "Origin: $base" \
	--data "csrf=0123456789abcdef0123456789abcdef&kind=talk&note=words+kept+for+later" "$base/moment" >"$tmp/resend.code"
check "an old form: nothing saved, a page to send again" test "$(cat "$tmp/resend.code")" = 409
check "an old form: the words come back" grep -q "words kept for later" "$tmp/resend"
check "an old form: with the current form token" grep -q "value=\"$csrf\"" "$tmp/resend"
# A passphrase set at the terminal: not beside a running nabij ui (its
# connection would go on writing into the file this replaces), and
# afterwards the next start signs in anew.
printf 'four words to keep\n' | NABIJ_PASSPHRASE_FD=3 "$bin" passphrase set 3<&0 >"$tmp/pass" 2>&1
check "passphrase at the terminal: not while nabij ui runs" test $? -eq 1
check "passphrase at the terminal: says where to do it" grep -q "open in the browser" "$tmp/pass"
"$bin" ui --stop >/dev/null 2>&1
before=$url
printf 'four words to keep\n' | NABIJ_PASSPHRASE_FD=3 "$bin" passphrase set 3<&0 >/dev/null 2>&1
check "passphrase at the terminal: set once nabij ui stopped" test $? -eq 0
start "$tmp/eighteen"
check "after a new passphrase: a new secret" test "${url##*token=}" != "${before##*token=}"
"$bin" ui --stop >/dev/null 2>&1

rm -rf "$tmp"
echo "again: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
