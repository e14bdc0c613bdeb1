-- The members' states and the journal of the requests committed for them (PostgreSQL).

CREATE TABLE members (
  member_id TEXT NOT NULL PRIMARY KEY,
  home_store TEXT NULL,
  version BIGINT NOT NULL,
  state TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX members_home_store ON members (home_store);

CREATE TABLE journal (
  seq BIGSERIAL PRIMARY KEY,
  member_id TEXT NOT NULL,
  idem_key TEXT NULL,
  kind TEXT NOT NULL,
  digest TEXT NOT NULL,
  request TEXT NOT NULL,
  result TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL
);

-- one entry per member and key; entries without a key (NULL) may repeat
CREATE UNIQUE INDEX journal_member_key ON journal (member_id, idem_key);

CREATE INDEX journal_member_seq ON journal (member_id, seq);
