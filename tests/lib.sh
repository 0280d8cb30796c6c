# Shared by the shell tests: count checks and say which failed.
#   . tests/lib.sh; check NAME COMMAND...; then print "$pass passed, $failed failed"
pass=0
failed=0
check() {	# NAME COMMAND...: passes when COMMAND succeeds
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then pass=$((pass + 1)); else failed=$((failed + 1)); echo "FAIL $name"; fi
}
