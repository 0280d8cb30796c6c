# Search all text, ranked, with the match marked.
run checkin --mood 3 --note "A long walk by the river with Noor" --tag outdoors --at 2026-11-18T10:00
run checkin --mood 4 --note "Walked the dog; the river was high" --at 2026-11-19T10:00
run moment talk --with Noor --note "Real talk about the river trip"
run trigger --situation "Crowded café" --alternative "Step outside and breathe"
run search river
run search walk noor
run search rivér
run search "café"
run search cafe
run search '"river" AND OR NEAR( *'
run search nothing-like-this
run search
run search river --limit 1
run search river --json | uids
run delete 2
run search dog
run search -findme
run search -- -findme
# more matches than are shown: said, with how to see them all
i=0
while [ $i -lt 55 ]; do "$NABIJ" checkin --mood 3 --note "heron by the water $i" >/dev/null; i=$((i + 1)); done
run search heron
run search heron --limit 3
# By the words the person saw and chose, in either language: the emotion
# "sadness" ticked in English is found as "verdriet", loneliness as
# "eenzaamheid", and the snippet shows labels, not ids.
run checkin --emotion sadness,loneliness --need connection --mood 2
run search verdriet
run search eenzaamheid
run --lang nl search verbondenheid
