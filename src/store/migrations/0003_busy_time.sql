-- Turnus plan file, schema version 3: assistants' work for other employers ("busy time"),
-- imported from their other calendars. The rest and total-hours rules count it.

CREATE TABLE busy_times (
    id           TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    pos          INTEGER NOT NULL,
    assistant_id TEXT NOT NULL REFERENCES assistants (id),
    start_at     INTEGER NOT NULL,
    end_at       INTEGER NOT NULL,
    source       TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    created_at   INTEGER,
    created_by   TEXT,
    updated_at   INTEGER,
    updated_by   TEXT,
    CHECK (end_at > start_at)
);
CREATE INDEX busy_times_by_end ON busy_times (end_at);
CREATE INDEX busy_times_by_assistant ON busy_times (assistant_id);
