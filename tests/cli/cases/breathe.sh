# Breathing rhythms are checked before anything starts.
run breathe --in 6 --out 4
run breathe --in 4 --out 4
run breathe --minutes 0
run breathe --minutes 45
run breathe --in 1
run breathe --hold 12
run breathe --out 20
run breathe --rest 11
run breathe --in x
run breathe now
run --lang nl breathe --in 6 --out 4
run list --all
