/*
 * The schema, embedded in the program as migrations. A released migration
 * never changes: a new one is appended and PRAGMA user_version records how
 * far a database has come. Times are UTC seconds; utc_offset is the
 * person's offset then; day is their local calendar day (YYYY-MM-DD).
 * Unanswered values are NULL.
 */
#include "schema.h"
#include "sqlgen.h"
#include "core/field.h"

static const char *const migrations[] = {
	/* 1: the first schema */
	"CREATE TABLE entry ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  type TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  utc_offset INTEGER NOT NULL,"
	"  day TEXT NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL"
	");"
	"CREATE INDEX entry_day ON entry(day, at);"
	"CREATE INDEX entry_type_at ON entry(type, at);"
	"CREATE INDEX entry_type_day ON entry(type, day, at);"
	"CREATE INDEX entry_at ON entry(at);"
	"CREATE TABLE item ("
	"  entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,"
	"  field TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  term TEXT NOT NULL,"
	"  place TEXT,"
	"  intensity INTEGER,"
	"  PRIMARY KEY (entry_id, field, pos)"
	") WITHOUT ROWID;"
	"CREATE INDEX item_term ON item(field, term);"
	"CREATE TABLE checkin ("
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,"
	"  state TEXT, mood INTEGER, energy INTEGER, tension INTEGER,"
	"  sleep_minutes INTEGER, sleep_quality INTEGER, note TEXT"
	");"
	"CREATE TABLE moment ("
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL, with_whom TEXT,"
	"  member_id INTEGER REFERENCES entry(id) ON DELETE SET NULL,"
	"  seconds INTEGER, safe TEXT, note TEXT"
	");"
	"CREATE INDEX moment_touch ON moment(safe, kind);"
	"CREATE INDEX moment_member ON moment(member_id);"
	"CREATE TABLE trigger_entry ("
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,"
	"  situation TEXT NOT NULL, reaction TEXT, emotion TEXT, need TEXT,"
	"  alternative TEXT, outcome TEXT"
	");"
	"CREATE TABLE member ("
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,"
	"  place INTEGER NOT NULL, name TEXT NOT NULL, reach TEXT, helps TEXT"
	");"
	"CREATE TABLE session ("
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,"
	"  exercise TEXT NOT NULL, seconds INTEGER NOT NULL,"
	"  tension_before INTEGER, tension_after INTEGER,"
	"  pattern TEXT, with_whom TEXT,"
	"  member_id INTEGER REFERENCES entry(id) ON DELETE SET NULL,"
	"  words TEXT"
	");"
	"CREATE INDEX session_exercise ON session(exercise);"
	"CREATE INDEX session_member ON session(member_id);"
	"CREATE INDEX session_tension ON session(exercise, tension_before, tension_after);"
	"CREATE TABLE reflection ("
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,"
	"  prompt TEXT, text TEXT NOT NULL"
	");"
	"CREATE INDEX reflection_prompt ON reflection(prompt);"
	"CREATE TABLE attachment ("
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,"
	"  answers TEXT NOT NULL"
	");"
	"CREATE TABLE phase ("
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,"
	"  phase TEXT NOT NULL, with_whom TEXT NOT NULL,"
	"  member_id INTEGER REFERENCES entry(id) ON DELETE SET NULL,"
	"  note TEXT"
	");"
	"CREATE INDEX phase_member ON phase(member_id);"
	"CREATE VIRTUAL TABLE entry_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');",
	/*
	 * 2: a summary per day, for insights and charts over years. The
	 * triggers only note which days changed (day_dirty); the store
	 * recomputes those days from the records before each commit, so the
	 * summary is always what the records say.
	 * day_fact holds what happened on a day, kind by kind: m moment (term:
	 * its kind), t wanted touch, c contact with a circle member (term:
	 * the name), e exercise session, n need of a check-in, g trigger, G
	 * and N the emotion and need of a trigger, x an exercise session with
	 * tension before and after (term: "exercise before after"); n counts
	 * the records.
	 * day_summary holds one row per day with any record: the number of
	 * check-ins, the means of their scales, and all its day_fact rows as
	 * kind letter + n + space + term, separated by U+001F (which no name
	 * or term can hold), so that years are read in a few thousand rows.
	 */
	"CREATE TABLE day_fact ("
	"  day TEXT NOT NULL, kind TEXT NOT NULL, term TEXT NOT NULL, n INTEGER NOT NULL,"
	"  PRIMARY KEY (day, kind, term)"
	") WITHOUT ROWID;"
	"CREATE TABLE day_summary ("
	"  day TEXT PRIMARY KEY, checkins INTEGER NOT NULL,"
	"  mood REAL, tension REAL, energy REAL, sleep_quality REAL, sleep_hours REAL,"
	"  facts TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TABLE day_dirty (day TEXT PRIMARY KEY) WITHOUT ROWID;"
	"CREATE TRIGGER day_dirty_ins AFTER INSERT ON entry BEGIN"
	"  INSERT OR IGNORE INTO day_dirty VALUES (new.day);"
	" END;"
	"CREATE TRIGGER day_dirty_upd AFTER UPDATE ON entry BEGIN"
	"  INSERT OR IGNORE INTO day_dirty VALUES (old.day), (new.day);"
	" END;"
	"CREATE TRIGGER day_dirty_del AFTER DELETE ON entry BEGIN"
	"  INSERT OR IGNORE INTO day_dirty VALUES (old.day);"
	" END;"
	/* a circle member's name is a fact of the days of their moments */
	"CREATE TRIGGER day_dirty_member_del BEFORE DELETE ON entry WHEN old.type = 'member' BEGIN"
	"  INSERT OR IGNORE INTO day_dirty SELECT e.day FROM moment m JOIN entry e ON e.id = m.entry_id"
	"   WHERE m.member_id = old.id;"
	" END;"
	"CREATE TRIGGER day_dirty_member_put AFTER INSERT ON member BEGIN"
	"  INSERT OR IGNORE INTO day_dirty SELECT e.day FROM moment m JOIN entry e ON e.id = m.entry_id"
	"   WHERE m.member_id = new.entry_id;"
	" END;"
	"INSERT OR IGNORE INTO day_dirty SELECT DISTINCT day FROM entry;",
	/* 3: the check-in's "connection" (1-5) and its mean per day; no day
	 * had one before, so every summary is already right with NULL */
	("ALTER TABLE checkin ADD COLUMN connection INTEGER;"
	 "ALTER TABLE day_summary ADD COLUMN connection REAL;"),
	/* 4: the search index gains the words people use for the terms of a
	 * record (ids, labels, synonyms in English and Dutch) beside the text a
	 * snippet shows; the store fills it again from the records (sq_reindex) */
	("DROP TABLE entry_fts;"
	 "CREATE VIRTUAL TABLE entry_fts USING fts5(body, words, tokenize = 'unicode61 remove_diacritics 2');"),
	/* 5: the check-in's "craving" (1-5) and its mean per day, and the circle
	 * member who is the first to call; no record had them before */
	("ALTER TABLE checkin ADD COLUMN craving INTEGER;"
	 "ALTER TABLE day_summary ADD COLUMN craving REAL;"
	 "ALTER TABLE member ADD COLUMN call_first INTEGER NOT NULL DEFAULT 0;"),
	/* 6: the personal experiment (its answers live in item, field "answer") */
	("CREATE TABLE experiment ("
	 "  entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,"
	 "  practice TEXT NOT NULL, words TEXT, outcome TEXT NOT NULL,"
	 "  pairs INTEGER NOT NULL, period_days INTEGER NOT NULL,"
	 "  baseline_days INTEGER, washout_days INTEGER,"
	 "  seed TEXT NOT NULL, state TEXT NOT NULL, in_report INTEGER NOT NULL DEFAULT 0, note TEXT"
	 ");"),
	/* 7: one experiment runs (or is paused) at a time. Where two were
	 * started at the same moment or one was imported beside another, the
	 * one shown (the newest) goes on and the others are stopped, their
	 * days kept; then a unique index holds it */
	("UPDATE experiment SET state = 'stopped' WHERE state <> 'stopped' AND entry_id <> ("
	 "  SELECT x.entry_id FROM experiment x JOIN entry e ON e.id = x.entry_id"
	 "  WHERE x.state <> 'stopped' ORDER BY e.at DESC, e.id DESC LIMIT 1);"
	 "CREATE UNIQUE INDEX experiment_one_running ON experiment((state <> 'stopped')) WHERE state <> 'stopped';"),
	/* 8: a deleted record waits for undo for a while (deleted: when, UTC
	 * seconds), out of the search index and every reading, then goes for
	 * good. A circle member set aside or back changes the facts of the
	 * days of their moments (their name), as their deletion does */
	("ALTER TABLE entry ADD COLUMN deleted INTEGER;"
	 "CREATE INDEX entry_deleted ON entry(deleted) WHERE deleted IS NOT NULL;"
	 "CREATE TRIGGER day_dirty_member_aside AFTER UPDATE OF deleted ON entry WHEN old.type = 'member' BEGIN"
	 "  INSERT OR IGNORE INTO day_dirty SELECT e.day FROM moment m JOIN entry e ON e.id = m.entry_id"
	 "   WHERE m.member_id = old.id;"
	 " END;"
	 /* a row deleted from the search index leaves no word behind in it;
	  * what earlier deletions left in its segments goes now (optimize
	  * writes the index anew without them) */
	 "INSERT INTO entry_fts(entry_fts, rank) VALUES ('secure-delete', 1);"
	 "INSERT INTO entry_fts(entry_fts) VALUES ('optimize');"),
	/* 9: riding an urge keeps the urge's strength before and after (1-5);
	 * no session had them before */
	("ALTER TABLE session ADD COLUMN urge_before INTEGER;"
	 "ALTER TABLE session ADD COLUMN urge_after INTEGER;"),
	/* 10: the search index keeps no copy of the text, which was half the
	 * file: a contentless FTS5 table (content = ''), its words and their
	 * places only, and beside each row the language its text was made in
	 * (lang, kept by contentless_unindexed), so that the store can make
	 * the same text again to take the row out (secure-delete still removes
	 * each word) and cut a snippet from the record itself (snippet.c). The
	 * old index is kept as entry_fts_9 until the store has filled the new
	 * one from the records (sq_reindex), in the language each was indexed
	 * in, and dropped then */
	("ALTER TABLE entry_fts RENAME TO entry_fts_9;"
	 "CREATE VIRTUAL TABLE entry_fts USING fts5(body, words, lang UNINDEXED, content = '',"
	 "  contentless_unindexed = 1, tokenize = 'unicode61 remove_diacritics 2');"
	 "INSERT INTO entry_fts(entry_fts, rank) VALUES ('secure-delete', 1);"
	 /* and for each language a print of the vocabulary's words the index
	  * was made with (fields_search_vocab): another print, and the index
	  * is made anew (sq_search_print) */
	 "CREATE TABLE search_print (lang TEXT PRIMARY KEY, print TEXT NOT NULL);"),
};

int schema_released(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

int schema_latest(void)
{
	int v = schema_released();

	for (int t = 0; t < NB_TYPE__COUNT; t++) {
		size_t n;
		const struct nb_field *f = fields_of((enum nb_type)t, &n);

		for (size_t i = 0; i < n; i++)
			if (f[i].since.schema > v)
				v = f[i].since.schema;
	}
	return v;
}

void schema_step(int v, struct nb_buf *out)
{
	if (v >= 1 && v <= schema_released())
		buf_add(out, migrations[v - 1]);
	else	/* past the released steps: the columns the rows ask for */
		sql_add_columns(&sql_sqlite, v, out);
}
