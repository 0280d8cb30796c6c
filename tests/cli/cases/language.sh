# Dutch by flag, by environment, and without any Dutch locale installed.
run --lang nl checkin --mood 9
run --lang nl checkin --mood 3 --emotion verdriet:2 --need rust --state geactiveerd
run --lang nl show 1
LC_ALL= LANG=nl_NL.UTF-8 run today
LANGUAGE=nl run circle card
LC_ALL= LANG=nl_NL.UTF-8 run --lang en show 1
run --lang nl --help
run --lang nl moment knuffel
run --lang nl moment --help
# Dutch words people use find the terms: verdriet is sadness, huidhonger
# belongs to loneliness, verbondenheid is the need connection.
run --lang nl checkin --emotion "verdriet, huidhonger" --need verbondenheid --mood 2 --at 2026-11-20T08:00
run --lang nl show 3
