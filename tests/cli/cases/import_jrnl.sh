# Imports from jrnl: new exports with tags per entry, old ones with the tags
# in the text; non-ASCII as \u escapes.
cp "$FIXTURES"/* .
run import jrnl-new.json --dry-run
run import jrnl-new.json
run import jrnl-new.json --from jrnl
run import jrnl-old.json
run list --all --json | uids
run search café
run import jrnl-bad.json
printf '{"entries": 3}' > broken.json
run import broken.json --from jrnl
