run --version
run --help
run help
run
run dance
run checkin --help
run --lang fr today
run --lang
