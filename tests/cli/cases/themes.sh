# Search also finds practices by theme, in either language.
run search shame
run search schaamte
run search slaap
run search aanraking
run search "skin hunger"
run search partner
run search 113
run checkin --mood 3 --note "Could not sleep again"
run search sleep
run --lang nl search angst
