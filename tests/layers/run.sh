#!/bin/sh
# The layer check itself: nabij's sources keep the layers, and a planted
# forbidden include in each of a few layers stops the check.
#   run.sh TOOLS_LAYERS_SH SOURCE_ROOT
set -u
check_sh=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
check "nabij's own sources keep the layers" \
	sh -c "cd '$root' && sh '$check_sh' '$tmp/ok' src/*/*.c src/*/*.h"
plant() {	# NAME LAYER LINE: a file of LAYER with LINE is refused, and named
	mkdir -p "$tmp/src/$2"
	printf '/* planted */\n%s\nint x;\n' "$3" >"$tmp/src/$2/planted.c"
	check "$1: refused" sh -c "! sh '$check_sh' '$tmp/stamp' '$tmp/src/$2/planted.c' 2>'$tmp/err'"
	check "$1: the line is named" grep -q "planted.c:2:" "$tmp/err"
	check "$1: no stamp written" test ! -e "$tmp/stamp"
	rm -f "$tmp/src/$2/planted.c"
}
plant "core with sqlite3.h" core '#include <sqlite3.h>'
plant "core with the store" core '#include "store/store.h"'
plant "a face with sqlite3.h" cli '#include <sqlite3.h>'
plant "the web with sqlite3.h" web '# include <sqlite3.h>'
plant "a page with libmicrohttpd" web '#include <microhttpd.h>'
plant "the store with jansson" store '#include <jansson.h>'
plant "io with the app" io '#include "app/app.h"'
echo "layers: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
