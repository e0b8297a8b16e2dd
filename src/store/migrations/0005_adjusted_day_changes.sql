-- Turnus plan file, schema version 5: a rotation's day change may also record another break or
-- passive time for one day ('adjusted'), so applying the rotation again keeps it. SQLite cannot
-- change a CHECK constraint in place, so the table is made anew and its rows copied over.

CREATE TABLE rotation_changes_new (
    rotation_id     TEXT NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    pos             INTEGER NOT NULL,
    kind            TEXT NOT NULL
                    CHECK (kind IN ('moved', 'cancelled', 'reassigned', 'adjusted', 'extra')),
    day             TEXT NOT NULL,
    slot            INTEGER,
    start_at        INTEGER,
    end_at          INTEGER,
    assistant_id    TEXT REFERENCES assistants (id),
    extra_id        TEXT,
    shift_type      TEXT REFERENCES shift_types (code),
    break_minutes   INTEGER CHECK (break_minutes >= 0),
    passive_minutes INTEGER CHECK (passive_minutes >= 0),
    PRIMARY KEY (rotation_id, pos)
);
INSERT INTO rotation_changes_new
    (rotation_id, pos, kind, day, slot, start_at, end_at, assistant_id, extra_id, shift_type)
    SELECT rotation_id, pos, kind, day, slot, start_at, end_at, assistant_id, extra_id, shift_type
    FROM rotation_changes;
DROP TABLE rotation_changes;
ALTER TABLE rotation_changes_new RENAME TO rotation_changes;
CREATE INDEX rotation_changes_by_assistant ON rotation_changes (assistant_id);
CREATE INDEX rotation_changes_by_shift_type ON rotation_changes (shift_type);
