-- Turnus plan file, schema version 2: the lock record for two programs on one file, and the
-- change-log indexes that undo, redo and the history view look up by.

-- At most one row: who edits the file now. `token` tells the holding program its own row.
-- `heartbeat` is renewed while the file is open; a lock whose heartbeat is older than two
-- minutes is stale and taken over.
CREATE TABLE plan_lock (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    token     TEXT NOT NULL,
    holder    TEXT NOT NULL,
    computer  TEXT NOT NULL,
    pid       INTEGER NOT NULL,
    since     INTEGER NOT NULL,
    heartbeat INTEGER NOT NULL
);

CREATE INDEX change_log_by_action ON change_log (action_id);
CREATE INDEX change_log_by_state ON change_log (state, action_id);
CREATE INDEX change_log_by_entity ON change_log (entity, entity_id);
