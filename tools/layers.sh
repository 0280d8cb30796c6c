#!/bin/sh
# The layers of docs/ARCHITECTURE.md as a build check: each source file
# under src/LAYER/ may include only the nabij folders and the libraries its
# layer may use. Any other <header> counts as the C library's or POSIX's.
# A file that breaks the rule stops the build with the line named.
#   layers.sh STAMP FILE...   (writes STAMP when every file keeps the rule)
set -u
stamp=$1
shift
libraries=" sqlite3.h libpq-fe.h sodium.h jansson.h csv.h zip.h cairo.h cairo-pdf.h fontconfig/fontconfig.h microhttpd.h cmocka.h oath.h qrencode.h "
status=0
for f in "$@"; do
	layer=$(printf '%s\n' "$f" | sed -n 's|.*src/\([a-z]*\)/[^/]*$|\1|p')
	case $layer in
	core) dirs="core" libs="" ;;
	store) dirs="core store" libs="sqlite3.h libpq-fe.h" ;;
	vault) dirs="core vault" libs="sodium.h" ;;
	io) dirs="core io" libs="jansson.h csv.h zip.h sodium.h" ;;
	# sodium: the accounts' tokens and password hashes (app/account.c)
	app) dirs="core store vault io app" libs="sodium.h"
		case $f in */factor.c) libs="$libs oath.h" ;; esac ;;	# TOTP
	report) dirs="core app report" libs="cairo.h cairo-pdf.h fontconfig/fontconfig.h" ;;
	# sodium: to wipe a posted passphrase and prove the session secret;
	# vault: the files beside the database; libmicrohttpd: server.c only
	web) dirs="core app io report vault web" libs="sodium.h"
		case $f in */server.c) libs="$libs microhttpd.h" ;; */page_factor.c) libs="$libs qrencode.h" ;; esac ;;
	cli) dirs="core app io report vault web cli" libs="" ;;
	# nabij-serve: the web face and the accounts; of the store only
	# hosted.h (pg_connect, pg_migrate, pg_check_role), never SQL
	serve) dirs="core app io report vault web serve" libs="sodium.h" ;;
	*) continue ;;
	esac
	grep -n '^[[:space:]]*#[[:space:]]*include' "$f" | while IFS= read -r line; do
		n=${line%%:*}
		inc=$(printf '%s\n' "$line" | sed -n 's/.*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p')
		case $line in
		*'<'*)
			case $libraries in *" $inc "*) ;; *) continue ;; esac
			case " $libs " in *" $inc "*) continue ;; esac
			echo "$f:$n: the $layer layer may not use <$inc> (docs/ARCHITECTURE.md, layers)" ;;
		*)
			case $inc in */*) ;; *) continue ;; esac	# the file's own folder
			[ "$layer" = serve ] && [ "$inc" = store/hosted.h ] && continue
			case " $dirs " in *" ${inc%%/*} "*) continue ;; esac
			echo "$f:$n: the $layer layer may not include \"$inc\" (docs/ARCHITECTURE.md, layers)" ;;
		esac
	done >"$stamp.tmp"
	if [ -s "$stamp.tmp" ]; then
		cat "$stamp.tmp" >&2
		status=1
	fi
done
rm -f "$stamp.tmp"
[ $status -eq 0 ] && : >"$stamp"
exit $status
