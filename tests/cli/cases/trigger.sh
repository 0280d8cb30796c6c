# The trigger diary, and how it went afterwards.
run trigger --situation "No answer to my message all day" --reaction "Kept checking my phone" \
	--emotion fear --need connection --alternative "Ask once, then go for a walk"
run trigger outcome 1 I asked once. She had been ill. Relief.
run show 1
run trigger --reaction "shouted"
run trigger --situation "x" --emotion "bitterness"
run checkin --mood 3
run trigger outcome 3 "not a trigger"
run trigger outcome 99 "nothing here"
run trigger outcome 1
run trigger outcome abc "text"
printf 'Left out of the plans\nWent quiet\nshame\nbelonging\nSay that I would like to come\n' | run trigger -i
run list --type trigger
