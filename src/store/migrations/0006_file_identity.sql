-- Turnus plan file, schema version 6: the file's identity, so that a rollback journal left
-- beside a plan by another file (a sync client can bring one from another computer's crash) is
-- never played back into it.

-- One row. `identity` is fixed-width text, `turnus-file/FILE/STATE/PREVIOUS`: FILE is random
-- per file (a copy keeps it), STATE is new random text written by every transaction Turnus
-- makes, PREVIOUS the state before it. Every write transaction changes this row first, so its
-- rollback journal holds the row as it was; see docs/plan-file.md, "Journals".
CREATE TABLE plan_file (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    identity TEXT NOT NULL CHECK (length(identity) = 110 AND substr(identity, 1, 12) = 'turnus-file/')
);

INSERT INTO plan_file (id, identity)
VALUES (1, 'turnus-file/' || lower(hex(randomblob(16))) || '/' || lower(hex(randomblob(16)))
           || '/' || lower(hex(randomblob(16))));
