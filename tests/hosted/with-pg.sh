#!/bin/sh
# Run a command beside a PostgreSQL of its own: a throw-away cluster in a
# temporary folder, reached only on a Unix socket there (no TCP port), made
# by initdb as an unprivileged user (initdb refuses root, and CI runs as
# root: then the cluster is nobody's), and stopped at the end whatever
# happens. Never a cluster of the system.
#
#   with-pg.sh COMMAND [ARG...]
#
# The command finds, in its environment:
#   NABIJ_PG_HOST   the socket's folder
#   NABIJ_PG_SUPER  conninfo of initdb's superuser (to make databases)
#   NABIJ_PG_OWNER  conninfo of nabij_owner, who owns the database nabij
#   NABIJ_PG_APP    conninfo of nabij_app, the role nabij serve connects as:
#                   not a superuser, no BYPASSRLS, owns nothing
# NABIJ_PG_OPTIONS, when set, adds server options after the tests' own,
# which it may undo (bench/serve: "-c fsync=on -c shared_buffers=128MB").
# Its exit status is the command's (77, a skip, when PostgreSQL is missing).
set -u
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
	echo "with-pg: PostgreSQL is not installed (make test-deps installs it)" >&2
	exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/nabij-pg.XXXXXX") || exit 1
chmod 755 "$dir"
as=""
super=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
	as="runuser -u nobody --"
	super=nobody
	chown nobody "$dir"
fi

stop() {
	$as "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
	rm -rf "$dir"
}
trap 'stop' EXIT
trap 'exit 130' INT TERM HUP

if ! $as "$bin/initdb" -D "$dir/data" -U "$super" --auth=trust --no-sync -E UTF8 \
	--locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
	echo "with-pg: initdb failed:" >&2
	cat "$dir/initdb.log" >&2
	exit 1
fi
# a socket in the folder alone; small, and quick to stop
if ! $as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
	-o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=16MB ${NABIJ_PG_OPTIONS:-}" \
	start >/dev/null 2>&1; then
	echo "with-pg: the test's PostgreSQL did not start:" >&2
	cat "$dir/server.log" >&2
	exit 1
fi
export NABIJ_PG_HOST="$dir"
export NABIJ_PG_SUPER="host=$dir dbname=postgres user=$super"
export NABIJ_PG_OWNER="host=$dir dbname=nabij user=nabij_owner"
export NABIJ_PG_APP="host=$dir dbname=nabij user=nabij_app"
if ! "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$NABIJ_PG_SUPER" >"$dir/roles.log" 2>&1 <<'SQL'
CREATE ROLE nabij_owner LOGIN CREATEDB;
CREATE ROLE nabij_app LOGIN;
CREATE DATABASE nabij OWNER nabij_owner;
SQL
then
	echo "with-pg: the roles could not be made:" >&2
	cat "$dir/roles.log" >&2
	exit 1
fi
"$@"
