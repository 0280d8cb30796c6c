# A check-in given entirely by flags, then read back three ways.
run checkin --body tension@shoulders --body "tiredness, buzzing@left knee" \
	--emotion sadness:3 --emotion "fear, a heavy kind of quiet" --need rest --need contact \
	--state activated --mood 3 --energy 2 --tension 4 --connection 2 --sleep-hours 6:45 --sleep-quality 2 \
	--tag work --tag "long day" --note "Zwaar begin. Coffee with Sam helped."
run show 1
run list
run show 1 --json | uids
run checkin --mood 4 --at 2026-11-20T08:00
run checkin --mood 2 --at "2026-11-19 23:30"
run list --since 2026-11-20
run checkin --mood 5 --at 07:15 --json | uids
# How connected one felt: a scale like the others, changed and cleared by edit.
run checkin --connection 6
run checkin --connection 4 --mood 3
run edit 5 --connection 5
run show 5
run edit 5 --connection none
run show 5
