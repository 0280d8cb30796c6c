# The circle's and the experiment's flags, --help lines and questions come
# from their rows (core/field.c): the lines of --help, a member and an
# experiment made by answering the questions, the flags named shorter than
# their rows (--days, --washout, --baseline, --report), a seed checked by
# the start itself.
run circle --help
run --lang nl circle --help
printf 'Ilse\n06-12345678\n\ny\n' | run circle add -i
printf '' | run circle add -i
run circle list
run experiment --help
run --lang nl experiment --help
printf '' | run experiment start -i
run experiment start embrace --outcome tension --seed 12345
printf '5\na walk at dawn\n1\ny\n' | run experiment start -i --days 3 --washout 0 --baseline 0 --seed 00000000000000ff
run show 2
