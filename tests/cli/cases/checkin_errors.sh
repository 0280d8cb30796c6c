# Every bad value is refused with the field and what is allowed, exit 2,
# and nothing is written.
run checkin --mood 9
run checkin --mood abc
run checkin --mood 3.5
run checkin --energy 0
run checkin --tension 6
run checkin --sleep-hours 25
run checkin --sleep-hours seven
run checkin --sleep-quality x
run checkin --emotion sadness:9
run checkin --emotion :2
run checkin --state angry
run checkin --body @shoulders
run checkin --at 2026-11-21T09:00
run checkin --at yesterday
run checkin --at 1999-05-01
run checkin --mood 3 --at 2026-02-30
run checkin --note ""
run checkin
run checkin --moood 3
run checkin --mood
run checkin 3
run --lang nl checkin --mood 9
run list --all
run checkin -mood 3
run checkin --tag "$(printf "%0300d" 0)"
NABIJ_NOW=soon run today
