# Relationship phases over time, and what helps me, for the people beside me.
run circle add Sam
run phase start --with Sam --note "we talk every day" --at 2026-03-01
run phase distance --with sam --at 2026-06-10
run phase clash --with Lou --note "I want more, they pull back" --at 2026-08-01
run phase turning --with Sam --note "we talked it through"
run phase list
run phase list --with Sam
run phase honeymoon --with Sam
run phase clash
run phase
run show 3 --json | uids
run edit 3 --note "we barely talk"
run circle beside --print
run circle beside --text "- Sitting with me is enough
- Ask before you hold me
- My no is not a rejection of you"
run circle beside --print
run circle card
run circle beside
printf 'A walk together, without many words\nAsk before you hold me\n\n' | run circle beside -i
run help beside
run --lang nl help beside
run help alone
run help loss
run --lang nl help loss
