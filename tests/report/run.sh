#!/bin/sh
# The PDF report, read back the way a person would see it: pdfinfo for the
# pages, pdftotext for what it says (in English and Dutch; notes and the
# circle only when asked), pdftoppm for pictures of the pages, kept in OUT
# as an artefact of the run.
#   run.sh NABIJ_BINARY OUT_DIR
set -u
bin=$1
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
export NABIJ_DB="$tmp/nabij.db" TZ=Europe/Amsterdam LC_ALL=C.UTF-8 NABIJ_NOW=2026-11-20T20:00:00+01:00
unset LANGUAGE LANG
. "$(dirname "$0")/../lib.sh"
has() { pdftotext -layout "$1" - | tr -s ' \n' '  ' | grep -qF -- "$2"; }
"$bin" circle add Sam --helps "listens without advice" >/dev/null
for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
	case $d in
	01|06|11|16) mood=4 hug=1 ;;
	03|08|13|18) mood=5 hug=1 ;;
	02|04|10|12|14|20) mood=2 hug= ;;
	*) mood=3 hug= ;;
	esac
	"$bin" checkin --mood $mood --tension 3 --sleep-hours 7 --need rest --note "private note $d" \
		--at 2026-11-${d}T19:00 >/dev/null
	[ -n "$hug" ] && "$bin" moment hug --with Sam --safe yes --at 2026-11-${d}T18:00 >/dev/null
done
"$bin" exercise start breath --seconds 3m --before 4 --after 2 >/dev/null
for d in 05 12; do
	"$bin" trigger --situation "a long silence" --emotion fear --need safety --at 2026-11-${d}T21:00 >/dev/null
done

"$bin" report --out "$tmp/r.pdf" --from 2026-11-01 >/dev/null
check "report written" test -s "$tmp/r.pdf"
pages=$(pdfinfo "$tmp/r.pdf" | sed -n 's/^Pages: *//p')
check "two or more pages" test "${pages:-0}" -ge 2
check "A4" sh -c "pdfinfo '$tmp/r.pdf' | grep -q 'Page size:.*(A4)'"
# Tagged, so that a screen reader reads it in order: the title as H1, the
# parts as H2 in the order of the pages, the text as paragraphs.
check "tagged" sh -c "pdfinfo '$tmp/r.pdf' | grep -q '^Tagged: *yes'"
pdfinfo -struct-text "$tmp/r.pdf" >"$tmp/struct" 2>&1
check "the title is a heading" sh -c "grep -A1 '^  H1' '$tmp/struct' | grep -q 'What helps me'"
check "the parts are headings, in order" sh -c "grep -A1 '^  H2' '$tmp/struct' | grep -v '^  H2\|^--' | tr -d ' \"' | head -3 | tr '\n' '|' | grep -q '^Ataglance|Check-insovertime|Momentsofconnection|'"
check "the text in paragraphs" sh -c "test \$(grep -c '^  P' '$tmp/struct') -ge 10"
check "a wrapped paragraph keeps its words apart" sh -c "! grep -q 'whatseems' '$tmp/struct'"
# The kinds of moments and the needs are tables: a header row of TH cells,
# then a row of TD cells for each, read in order.
check "tables" sh -c "test \$(grep -c '^  Table' '$tmp/struct') -ge 2"
check "the table's cells in order" sh -c "grep -A10 '^  Table' '$tmp/struct' | tr -d ' \"' | tr '\n' '|' | grep -q 'TR|TH|Kindofmoment|TH|Times|TR|TD|hug|TD|8|'"
check "the needs' table" sh -c "tr -d ' \"' <'$tmp/struct' | tr '\n' '|' | grep -q 'TH|Need|TH|Times|TR|TD|rest|TD|20|'"
check "cover and period" has "$tmp/r.pdf" "What helps me"
check "period in words" has "$tmp/r.pdf" "1 November 2026"
check "days counted" has "$tmp/r.pdf" "20 days with a check-in"
check "scales" has "$tmp/r.pdf" "Check-ins over time"
check "moments per week" has "$tmp/r.pdf" "Moments of connection per week"
check "weekly trend" has "$tmp/r.pdf" "Line: the trend, the mean of the five weeks"
check "triggers that come back" has "$tmp/r.pdf" "Emotions in the trigger diary: fear 2"
check "needs under triggers" has "$tmp/r.pdf" "Needs under the triggers: safety 2"
check "no trigger situations unless asked" sh -c "! pdftotext '$tmp/r.pdf' - | grep -q 'a long silence'"
check "exercise" has "$tmp/r.pdf" "1 time so far"
check "a finding with its interval" has "$tmp/r.pdf" "your mood was 2.00 higher (likely between"
check "how to read it" has "$tmp/r.pdf" "A pattern is not a cause"
check "page one at a glance" sh -c "pdftotext -f 1 -l 1 '$tmp/r.pdf' - | grep -q 'At a glance'"
check "page one: a scale's mean" sh -c "pdftotext -f 1 -l 1 '$tmp/r.pdf' - | grep -q 'Mood: .* on average over'"
check "page one: moments a week" sh -c "pdftotext -f 1 -l 1 '$tmp/r.pdf' - | grep -q 'Moments of connection: .* a week'"
check "not proof" has "$tmp/r.pdf" "not proof of what causes what"
check "no notes unless asked" sh -c "! pdftotext '$tmp/r.pdf' - | grep -q 'private note'"
check "no circle unless asked" sh -c "! pdftotext '$tmp/r.pdf' - | grep -q 'listens without advice'"
pdftoppm -r 60 -png "$tmp/r.pdf" "$out/report-en" && pass=$((pass + 1)) || { failed=$((failed + 1)); echo "FAIL pdftoppm"; }

"$bin" report --out "$tmp/notes.pdf" --from 2026-11-01 --with-notes --with-circle >/dev/null
check "notes when asked" has "$tmp/notes.pdf" "private note 07"
check "circle when asked" has "$tmp/notes.pdf" "listens without advice"

"$bin" --lang nl report --out "$tmp/nl.pdf" --from 2026-11-01 >/dev/null
check "Dutch cover" has "$tmp/nl.pdf" "Wat mij helpt"
check "Dutch finding" has "$tmp/nl.pdf" "was je stemming 2,00 hoger"
pdftoppm -r 60 -png -f 1 -l 2 "$tmp/nl.pdf" "$out/report-nl" || failed=$((failed + 1))

check "refuses a period backwards" sh -c "! '$bin' report --out '$tmp/x.pdf' --from 2026-11-10 --until 2026-11-01"
check "needs --out" sh -c "! '$bin' report"
check "unwritable place" sh -c "! '$bin' report --out '$tmp/no/such/dir/r.pdf'"
echo "report: $pass passed, $failed failed"
[ "$failed" = 0 ]
