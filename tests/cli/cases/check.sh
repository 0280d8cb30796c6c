# nabij check: a whole database in both languages and for programs, and
# copies damaged outside nabij (a page of the check-ins overwritten, the
# search index and a link changed with Debian's sqlite3), each said in
# words with exit 1; no record's text is ever shown, and nothing changed;
# what it advises makes the database whole again.
run check --help
run --lang nl check --help
run --db none.db check
"$NABIJ" checkin --mood 3 --note "words check never shows" >/dev/null
"$NABIJ" circle add Sam >/dev/null
"$NABIJ" moment hug --with Sam --safe yes --note "nor these" >/dev/null
run check
run --lang nl check
run --json check
run check now
cp data/nabij.db damaged.db
dd if=/dev/zero of=damaged.db bs=4096 seek=9 count=1 conv=notrunc 2>/dev/null
cp damaged.db before.db
run --db damaged.db check
run --db damaged.db --lang nl check
cmp -s damaged.db before.db && echo "the damaged copy is as it was"
cp data/nabij.db index.db
sqlite3 index.db "DELETE FROM entry_fts_content WHERE id = 1"
run --db index.db check
run --db index.db --lang nl check
# what it advises: an export imported into a new database, put in place
"$NABIJ" --db index.db export --out index.json >/dev/null
"$NABIJ" --db new.db import index.json >/dev/null
run --db index.db restore new.db
run --db index.db check
run --db damaged.db export --out damaged.json
cp data/nabij.db links.db
sqlite3 links.db "INSERT INTO item VALUES (99, 'need', 0, 'rest', NULL, NULL)"
run --db links.db --json check
