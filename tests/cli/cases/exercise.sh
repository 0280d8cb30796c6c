# The exercise catalogue, and sessions recorded by flags and by answers.
run exercise list
run exercise show compassion
run exercise show yoga
run exercise start grounding --seconds 2m --before 4 --after 2
run exercise start place --seconds 3m --before 3 --after 3
run exercise start compassion --seconds 90 --before 2 --after 3
run exercise start grounding
run exercise start breath --seconds 3m --before 4 --after 3 --minutes 3
run exercise start closeness --with Sam --words "Could you hold me for a minute? Asking is hard for me."
run exercise start meeting
printf 'Noor\nSaturday, a walk in the park\nI feel alone lately, and I miss our talks\n' | run exercise start meeting -i
printf '3\n\n\n\n\n\n\n1\n' | run exercise start grounding -i
run exercise start grounding --before 6 --seconds 60
run exercise start grounding --seconds 3h
run exercise dance
run list --type session
run show 4
run exercise list --json
run --json exercise show grounding
run exercise start grounding --seconds 2m --tension-before 4 --tension-after 3
