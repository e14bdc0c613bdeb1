-- The members' states and the journal of the requests committed for them (SQLite).
-- STRICT tables: SQLite refuses a value of the wrong type instead of storing it as it comes.
-- Times are UTC text with six fraction digits (2025-01-31T09:30:00.000000Z), so they sort.

CREATE TABLE members (
  member_id TEXT NOT NULL PRIMARY KEY,
  home_store TEXT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX members_home_store ON members (home_store);

-- AUTOINCREMENT: a seq is never used twice, even after the newest entry is deleted
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  member_id TEXT NOT NULL,
  idem_key TEXT NULL,
  kind TEXT NOT NULL,
  digest TEXT NOT NULL,
  request TEXT NOT NULL,
  result TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;

-- one entry per member and key; entries without a key (NULL) may repeat
CREATE UNIQUE INDEX journal_member_key ON journal (member_id, idem_key);

CREATE INDEX journal_member_seq ON journal (member_id, seq);
