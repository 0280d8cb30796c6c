# The attachment reflection: scored, compared with last time, never a diagnosis.
run attachment --answers 5,3,6,2,3,5,6,2,5,6,3,2
run attachment --answers 3,3,4,2,5,5,4,2,3,6,5,2
run attachment --answers 1,2,3
run attachment --answers 1,2,3,4,5,6,7,8,1,2,3,4
run attachment --answers 1,2,3,4,5,6,7,none,1,2,3,4
run attachment
printf '4\n4\n4\n9\n4\n4\n4\n4\n4\n4\n4\n4\n4\n' | run attachment -i
run list --type attachment
run edit 1 --mood 3
run show 1
printf "4\n4\n" | run attachment -i
