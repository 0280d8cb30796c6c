# The exercise, reflection and attachment commands take their rows' flags:
# core reads what is typed, and nabij edit refuses the same words.
run exercise start grounding --seconds 90 --tension-before 3 --after 2 --with Sam
run exercise start grounding --exercise breath --seconds 90
run exercise start grounding --seconds none
run breathe --seconds ""
run reflect --prompt "" --text "A walk."
run reflect --prompt kind-friend --text "A walk."
run edit 2 --prompt nonsense
run reflect -i --text "x"
run attachment --answers 4,4,4,4,4,4,4,4,4,4,4
