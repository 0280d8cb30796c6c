#!/bin/sh
# nabij ui under clients that do not play fair, over loopback, each bounded
# in time: uploads without a session are refused before their body is read
# (the server's peak memory stays small), and slow clients that send a
# header line now and then neither hold the server nor keep real requests
# out. Prints "limits: N passed, N failed".
#   limits.sh NABIJ_BINARY
set -u
bin=$1
command -v curl >/dev/null || { echo "curl is not installed"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is not installed"; exit 77; }
tmp=$(mktemp -d)
slow=${NABIJ_TEST_SLOW:-1}
. "$(dirname "$0")/../lib.sh"
NABIJ_DB="$tmp/nabij.db" LANGUAGE=en "$bin" ui --no-open --address --port 0 >"$tmp/out" 2>&1 &
pid=$!
trap 'kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while [ $i -lt $((50 * slow)) ] && ! grep -q 'token=' "$tmp/out"; do sleep 0.1; i=$((i + 1)); done
url=$(grep -o 'http://[0-9.]*:[0-9]*/?token=[0-9a-f]*' "$tmp/out")
base=${url%%/\?*}
ck="Cookie: nabij_session=${url##*token=}"
peak() { awk '/VmHWM/ { print $2 }' "/proc/$pid/status"; }	# kB
before=$(peak)

# 1. sixty uploads of 60 MB at once (as a browser's form sends a file),
# without a session: each refused, and the server's peak memory grows by
# less than 32 MB (each was read whole before the refusal)
head -c 60000000 /dev/zero >"$tmp/big"
n=0
curls=""
while [ $n -lt 60 ]; do
	curl -s -o /dev/null -w '%{http_code}\n' --max-time $((20 * slow)) \
		-F "file=@$tmp/big;filename=backup.daylio" "$base/data" \
		>>"$tmp/codes" 2>/dev/null &
	curls="$curls $!"
	n=$((n + 1))
done
for j in $curls; do wait "$j"; done
after=$(peak)
check "60 uploads without a session: all refused ($(sort "$tmp/codes" | uniq -c | tr -s ' \n' ' '))" \
	sh -c "test \"\$(grep -c '^403$' '$tmp/codes')\" -eq 60"
check "60 uploads without a session: peak memory grew by $(( (after - before) / 1024 )) MB (< 32 MB)" \
	test $((after - before)) -lt 32768
# the same with a session but too large a body for the page: refused unread
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$ck" -H "Origin: $base" \
	-H "Content-Type: application/octet-stream" --data-binary @"$tmp/big" "$base/checkin")
check "a body too large for its page: 413 ($code)" test "$code" = 413
check "after a refused large body: peak memory grew by less than 32 MB in all" test $(($(peak) - before)) -lt 32768

# 2. 240 slow clients, each sending one header line every 3 s: past the 224
# connections nabij keeps for them, the ones arriving longest make way (only
# as many as needed); meanwhile real requests are served at once, and every
# slow one is closed within the deadline of a request (15 s) plus a margin
python3 - "$base" "$tmp/slow.log" "$slow" <<'EOF' &
import socket, sys, time
base, log, slow = sys.argv[1], sys.argv[2], int(sys.argv[3])
host, port = base[len("http://"):].rsplit(":", 1)
socks = []
for i in range(240):
    s = socket.create_connection((host, int(port)), timeout=5)
    s.sendall(f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\n".encode())
    socks.append(s)
start = time.monotonic()
open_ = set(range(len(socks)))
closed_at = []
while open_ and time.monotonic() - start < 40 * slow:
    time.sleep(3)
    for i in list(open_):
        try:
            socks[i].sendall(b"X-Slow: a\r\n")
        except OSError:
            open_.discard(i)
            closed_at.append(time.monotonic() - start)
early = sum(1 for t in closed_at if t < 10)
with open(log, "w") as f:
    f.write(f"{len(open_)} {max(closed_at) if closed_at else -1:.0f} {early}\n")
EOF
talker=$!
sleep 2
ok=0
t0=$(date +%s%N)
for n in 1 2 3 4 5; do
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time $((5 * slow)) -H "$ck" "$base/")
	[ "$code" = 200 ] && ok=$((ok + 1))
done
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
check "240 slow clients: 5 real requests served ($ok of 5, in $ms ms)" test $ok -eq 5
check "240 slow clients: served at once (< $((3000 * slow)) ms)" test $ms -lt $((3000 * slow))
wait $talker
read -r left last early <"$tmp/slow.log"
check "240 slow clients: none left open ($left), the last closed after ${last} s (<= 24 s)" \
	sh -c "test $left -eq 0 && test $last -le $((24 * slow))"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "$ck" "$base/")
check "240 slow clients: only the excess made way early ($early closed before 10 s, 16 to 48)" \
	sh -c "test $early -ge 16 && test $early -le 48"
check "after the slow clients: still serving ($code)" test "$code" = 200

echo "measured: peak memory +$(( (after - before) / 1024 )) MB over 60 refused uploads; 5 requests beside 240 slow clients in $ms ms; the last slow client closed after $last s, $early made way early"
echo "limits: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
