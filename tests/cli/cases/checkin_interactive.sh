# The questions, answered one by one; a wrong answer is asked again.
printf 'tension@shoulders, tiredness\nsadness:3, lonely\nrest, contact\n2\n9\n2\n3\n4\n6\n2\nseven\n7.5\n3\nwork\nA long day.\n' | run checkin -i
run show 1
# Everything skipped: nothing is saved.
printf '\n\n\n\n\n\n\n\n\n\n\n\n' | run checkin -i
# Stopped early (end of input): what was answered is kept.
printf 'warmth@chest\njoy\n' | run checkin -i
run list
