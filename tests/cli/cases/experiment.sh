# A personal experiment from start to answer, on a clock that moves: two
# pairs of three days, the order drawn from a given seed; the practice done
# on the days "with" (read from the moments logged), tension lower then.
run experiment
run experiment start dance --outcome tension
run experiment start own --outcome mood
run experiment start embrace --outcome tension --pairs 2 --days 3 --seed 00000000000000ff
run experiment start self-touch --outcome mood
run experiment plan
run today
i=0
for day in 2026-11-20 2026-11-21 2026-11-22 2026-11-23 2026-11-24 2026-11-25 \
	2026-11-26 2026-11-27 2026-11-28 2026-11-29 2026-11-30 2026-12-01; do
	export NABIJ_NOW="${day}T20:00:00+01:00"
	i=$((i + 1))
	if "$NABIJ" experiment | grep -q "a day with the practice"; then
		"$NABIJ" moment hug --with Sam >/dev/null
		"$NABIJ" checkin --tension $((2 + i % 2)) >/dev/null
	else
		"$NABIJ" checkin --tension $((3 + i % 3)) >/dev/null
	fi
	[ "$day" = 2026-11-25 ] && run experiment result
done
export NABIJ_NOW=2026-12-02T20:00:00+01:00
run experiment
run experiment yes --day 2026-11-20
run --lang nl experiment result
run search embrace
run experiment stop
run experiment
run experiment result
