#!/bin/sh
# Hostile files given to nabij import, each bounded in time and memory: a
# small ZIP that unpacks to 253 MiB, a ZIP that declares 3 GiB, and JSON
# that describes millions of empty objects in a few megabytes. Each is
# refused with a clear message, nothing is written, and the command's peak
# memory (GNU time) stays small. Prints "io: N passed, N failed".
#   run.sh NABIJ_BINARY
set -u
bin=$1
[ -x /usr/bin/time ] || { echo "GNU time is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NABIJ_DB="$tmp/nabij.db" TZ=Europe/Amsterdam LC_ALL=C.UTF-8 LANGUAGE=en
. "$(dirname "$0")/../lib.sh"
"$bin" checkin --mood 3 --note "before the hostile files" >/dev/null

python3 - "$tmp" <<'PY'
import base64, struct, sys, zipfile, zlib
tmp = sys.argv[1]
# 1. 253 MiB of base64 text of "{},{},..." packs into a few hundred kB
chunk = base64.b64encode(b"{}," * (3 << 20))     # 12 MiB of base64
with zipfile.ZipFile(f"{tmp}/bomb.daylio", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("backup.daylio", "w", force_zip64=False) as f:
        for _ in range(21):
            f.write(chunk)
# 2. a small ZIP whose directory says 3 GiB
with zipfile.ZipFile(f"{tmp}/huge.daylio", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("backup.daylio", base64.b64encode(b'{"dayEntries":[],"customMoods":[]}'))
data = bytearray(open(f"{tmp}/huge.daylio", "rb").read())
for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
    at = data.find(sig)
    struct.pack_into("<I", data, at + off, 3 << 30)
open(f"{tmp}/huge.daylio", "wb").write(bytes(data))
# 3. 8 MB of nabij JSON that is nearly all empty objects
n = 8_000_000 // 3
with open(f"{tmp}/bomb.json", "w") as f:
    f.write('{"format":"nabij","version":1,"records":[' + ",".join(["{}"] * n) + "]}")
PY

hostile() {	# NAME FILE PATTERN MAX_MB: refused, said plainly, bounded
	/usr/bin/time -f "%M %e" -o "$tmp/usage" "$bin" import "$2" >"$tmp/out" 2>"$tmp/err"
	status=$?
	read -r kb secs <<EOT
$(tail -n 1 "$tmp/usage")
EOT
	check "$1: refused (exit $status)" test $status -eq 2
	check "$1: said plainly" grep -q "$3" "$tmp/err"
	check "$1: peak memory $((kb / 1024)) MB (< $4 MB)" test $((kb / 1024)) -lt "$4"
	check "$1: done in ${secs} s (< 10 s)" awk -v s="$secs" 'BEGIN { exit !(s < 10) }'
	echo "$1: $(wc -c <"$2") bytes, exit $status, peak $((kb / 1024)) MB, $secs s: $(cat "$tmp/err")"
}
hostile "ZIP of 253 MiB" "$tmp/bomb.daylio" "far more than a Daylio backup" 64
hostile "ZIP that says 3 GiB" "$tmp/huge.daylio" "far more than a Daylio backup" 64
hostile "JSON of empty objects" "$tmp/bomb.json" "far more, for its size" 160
check "after the hostile files: the earlier record is there" \
	sh -c "'$bin' list | grep -q 'before the hostile files'"
check "after the hostile files: nothing else was written" \
	sh -c "test \"\$('$bin' list | wc -l)\" -eq 1"

echo "io: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
