# An experiment can always be finished. The largest plan the start accepts
# (a baseline of 14 days and 6 pairs of 14: 182 days) run day by day to its
# end on a clock that moves, with "did you do it?" answered on every day
# (an own practice, which nothing logged can show) and the answer at the
# end; before, the 25th answer was refused. A start on a later day
# (--day), the answers taken only for days of the plan, and one experiment
# at a time, also when one is imported beside it.
run experiment start own --words "a walk at dawn" --outcome tension --day 2026-11-19
run experiment start own --words "a walk at dawn" --outcome tension --day 2026-12-21
run experiment start own --words "a walk at dawn" --outcome tension --day 9999-12-31
run experiment start own --words "a walk at dawn" --outcome tension --pairs 6 --days 14 --baseline 14 \
	--seed 00000000000000ff --day 2026-11-22 >started
head -7 started
echo ...
tail -2 started
run experiment
run experiment yes
run experiment start embrace --outcome mood
# from its first day to its last, a check-in and an answer each day; a
# command that fails is shown with what it said
start=2026-11-22
i=0
while [ $i -lt 182 ]; do
	day=$(date -u -d "$start + $i days" +%Y-%m-%d)
	export NABIJ_NOW="${day}T20:00:00+01:00"
	if "$NABIJ" experiment | grep -q "a day with the practice"; then
		answer=yes tension=$((2 + i % 2))
	else
		answer=no tension=$((3 + i % 3))
	fi
	out=$("$NABIJ" experiment $answer 2>&1) || echo "day $((i + 1)), $day: $out"
	out=$("$NABIJ" checkin --tension $tension 2>&1) || echo "day $((i + 1)), $day: $out"
	[ $i = 24 ] && run experiment
	i=$((i + 1))
done
# its last day (2027-05-22), and the day after it
run experiment
run experiment no --day 2026-11-21
run experiment yes --day 1900-01-01
run experiment yes --day 9999-12-31
run experiment no --day 2027-05-23
run experiment yes --day 2026-11-22
export NABIJ_NOW=2027-05-23T20:00:00+01:00
run experiment
run experiment yes
run --lang nl experiment no
run experiment result
# its export, brought into another database beside a running experiment,
# comes in stopped
"$NABIJ" export --out mine.json
echo "answers kept: $(grep -Eo '"[0-9]{4}-[0-9]{2}-[0-9]{2}:(yes|no)"' mine.json | sort -u | wc -l)"
NABIJ_DB=other.db run experiment start embrace --outcome mood --seed 0000000000000001 >started
head -2 started
NABIJ_DB=other.db run import mine.json
NABIJ_DB=other.db run experiment
NABIJ_DB=other.db run experiment result
