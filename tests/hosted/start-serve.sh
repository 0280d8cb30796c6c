# Sourced by phone.sh and look.sh: nabij-serve over https with a
# certificate made here, beside the PostgreSQL of with-pg.sh, migrated
# first; stopped (and the temporary folder removed) when the script exits.
# With proxy=1, plain HTTP on 127.0.0.1 as behind a proxy of this machine
# (trust-proxy: X-Forwarded-For says where a request came from).
# Needs bin (the nabij binary) and fail (how the script says it failed);
# sets tmp, base (https://localhost:PORT or http://127.0.0.1:PORT),
# serve_pid, invite [--admin] (a new invitation's link) and sanitizer_said.
tmp=$(mktemp -d)
serve_pid=""
cleanup() {
	[ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null
	sleep 0.3
	[ -n "$serve_pid" ] && kill -KILL "$serve_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

"$bin" serve migrate --database "$NABIJ_PG_OWNER" --app-role nabij_app >"$tmp/out" 2>&1 ||
	fail "migrate: $(cat "$tmp/out")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
if [ -n "${proxy:-}" ]; then
	base="http://127.0.0.1:$port"
else
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 1 \
		-subj /CN=localhost -addext subjectAltName=DNS:localhost >/dev/null 2>&1 || fail "no test certificate"
	base="https://localhost:$port"
fi
cat >"$tmp/serve.conf" <<CONF
listen = 127.0.0.1
port = $port
url = $base
database = $NABIJ_PG_APP
workers = 2
zone = Europe/Amsterdam
CONF
if [ -n "${proxy:-}" ]; then
	echo "trust-proxy = yes" >>"$tmp/serve.conf"
else
	printf 'tls-cert = %s\ntls-key = %s\n' "$tmp/cert.pem" "$tmp/key.pem" >>"$tmp/serve.conf"
fi
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
	"$bin" serve invite "$@" --database "$NABIJ_PG_APP" --url "$base" 2>&1 |
		grep -o "$base/signup?invite=[A-Za-z0-9_-]*" | head -n 1
}

# a sanitizer build's reports go to the server's output: a failure
sanitizer_said() {
	grep -q -e 'runtime error' -e 'Sanitizer' "$tmp/serve.out" || return 1
	echo "FAIL a sanitizer report:"
	cat "$tmp/serve.out"
}
