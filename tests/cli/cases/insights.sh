# Insights: nothing is said before there are 5 days on each side; then a
# clear difference comes with its interval and the days it rests on, and
# one session of an exercise is not enough to say something.
run insights
run checkin --mood 3 --at 2026-11-01T20:00
run insights
# Three weeks: a hug on days 1, 3, 6, 8, ... (two in five), a better mood then.
for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
	case $d in 01|03|06|08|11|13|16|18) hug=1 mood=4 ;; *) hug= mood=2 ;; esac
	case $d in 0[1-5]) tension=3 ;; *) tension=2 ;; esac
	"$NABIJ" checkin --mood $mood --tension $tension --need rest --at 2026-11-${d}T19:00 >/dev/null
	[ -n "$hug" ] && "$NABIJ" moment hug --safe yes --at 2026-11-${d}T18:00 >/dev/null
done
"$NABIJ" exercise start breath --seconds 3m --before 4 --after 2 >/dev/null
run insights
run insights --since 2026-11-10
run insights --json
run insights --since yesterday
run insights extra
run --lang nl insights
run help insights
