-- Turnus plan file, schema version 1: every entity of a plan and the change log.
-- Instants are whole seconds since the Unix epoch (INTEGER); dates are 'YYYY-MM-DD' and
-- times of day 'HH:MM' (TEXT); enumerations are their plan JSON keys (TEXT with a CHECK).
-- `pos` keeps the order in which the plan lists its entities.

CREATE TABLE settings (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    name              TEXT NOT NULL DEFAULT '',
    arbeidsleder      TEXT NOT NULL DEFAULT '',
    leverandor        TEXT NOT NULL DEFAULT '',
    current_user      TEXT NOT NULL DEFAULT '',
    carry_over        INTEGER NOT NULL DEFAULT 0 CHECK (carry_over IN (0, 1)),
    profile_preset    TEXT NOT NULL DEFAULT 'aml',
    profile_overrides TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(profile_overrides)),
    created_at        INTEGER,
    created_by        TEXT,
    updated_at        INTEGER,
    updated_by        TEXT
);

CREATE TABLE assistants (
    id                       TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    pos                      INTEGER NOT NULL,
    name                     TEXT NOT NULL,
    phone                    TEXT NOT NULL DEFAULT '',
    email                    TEXT NOT NULL DEFAULT '',
    role                     TEXT NOT NULL DEFAULT 'fast' CHECK (role IN ('fast', 'vikar')),
    contract_minutes_per_week INTEGER,
    colour                   TEXT NOT NULL DEFAULT '',
    -- NULL: the plan's profile; otherwise this profile replaces it.
    profile_preset           TEXT,
    profile_overrides        TEXT CHECK (profile_overrides IS NULL OR json_valid(profile_overrides)),
    birth_year               INTEGER,
    holiday_entitlement      INTEGER NOT NULL DEFAULT 25,
    close_family             INTEGER NOT NULL DEFAULT 0 CHECK (close_family IN (0, 1)),
    family_approval          TEXT,
    start_date               TEXT,
    created_at               INTEGER,
    created_by               TEXT,
    updated_at               INTEGER,
    updated_by               TEXT
);

CREATE TABLE shift_types (
    code            TEXT PRIMARY KEY NOT NULL CHECK (code <> ''),
    pos             INTEGER NOT NULL,
    name            TEXT NOT NULL DEFAULT '',
    start_time      TEXT NOT NULL,
    end_time        TEXT NOT NULL,
    break_minutes   INTEGER NOT NULL DEFAULT 0 CHECK (break_minutes >= 0),
    passive_minutes INTEGER NOT NULL DEFAULT 0 CHECK (passive_minutes >= 0),
    service         TEXT NOT NULL
                    CHECK (service IN ('personlig_assistanse', 'stottekontakt', 'avlastning')),
    colour          TEXT NOT NULL DEFAULT '',
    long_shift      INTEGER NOT NULL DEFAULT 0 CHECK (long_shift IN (0, 1)),
    created_at      INTEGER,
    created_by      TEXT,
    updated_at      INTEGER,
    updated_by      TEXT
);

-- `shift_type`: the type the shift was made from; a type in use cannot be deleted.
CREATE TABLE shifts (
    id              TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    pos             INTEGER NOT NULL,
    assistant_id    TEXT REFERENCES assistants (id),
    start_at        INTEGER NOT NULL,
    end_at          INTEGER NOT NULL,
    break_minutes   INTEGER NOT NULL DEFAULT 0 CHECK (break_minutes >= 0),
    passive_minutes INTEGER NOT NULL DEFAULT 0 CHECK (passive_minutes >= 0),
    long_shift      INTEGER NOT NULL DEFAULT 0 CHECK (long_shift IN (0, 1)),
    service         TEXT NOT NULL
                    CHECK (service IN ('personlig_assistanse', 'stottekontakt', 'avlastning')),
    status          TEXT NOT NULL DEFAULT 'planned'
                    CHECK (status IN ('planned', 'worked', 'cancelled')),
    note            TEXT NOT NULL DEFAULT '',
    shift_type      TEXT REFERENCES shift_types (code),
    created_at      INTEGER,
    created_by      TEXT,
    updated_at      INTEGER,
    updated_by      TEXT,
    CHECK (end_at > start_at)
);
CREATE INDEX shifts_by_end ON shifts (end_at);
CREATE INDEX shifts_by_assistant ON shifts (assistant_id);
CREATE INDEX shifts_by_shift_type ON shifts (shift_type);

CREATE TABLE vedtak (
    id              TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    pos             INTEGER NOT NULL,
    from_date       TEXT NOT NULL,
    to_date         TEXT,
    annual_frame    INTEGER NOT NULL DEFAULT 0 CHECK (annual_frame IN (0, 1)),
    -- {"personlig_assistanse": 37.5, ...}
    hours_per_week  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(hours_per_week)),
    double_staffing INTEGER NOT NULL DEFAULT 0 CHECK (double_staffing IN (0, 1)),
    night           TEXT NOT NULL DEFAULT 'included' CHECK (night IN ('included', 'excluded')),
    passive_factor  REAL NOT NULL DEFAULT 1.0,
    created_at      INTEGER,
    created_by      TEXT,
    updated_at      INTEGER,
    updated_by      TEXT
);

CREATE TABLE absences (
    id           TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    pos          INTEGER NOT NULL,
    assistant_id TEXT NOT NULL REFERENCES assistants (id),
    kind         TEXT NOT NULL CHECK (kind IN ('ferie', 'sykdom', 'permisjon', 'annet')),
    from_date    TEXT NOT NULL,
    to_date      TEXT NOT NULL,
    hours        REAL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   INTEGER,
    created_by   TEXT,
    updated_at   INTEGER,
    updated_by   TEXT,
    CHECK (to_date >= from_date)
);
CREATE INDEX absences_by_assistant ON absences (assistant_id);

CREATE TABLE rotations (
    id         TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    pos        INTEGER NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    weeks      INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 12),
    start_date TEXT NOT NULL,
    until_date TEXT,
    created_at INTEGER,
    created_by TEXT,
    updated_at INTEGER,
    updated_by TEXT
);

-- The slots of a pattern, in order: a day change names a slot by its position.
CREATE TABLE rotation_slots (
    rotation_id   TEXT NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    pos           INTEGER NOT NULL,
    week          INTEGER NOT NULL CHECK (week >= 1),
    weekday       TEXT NOT NULL CHECK (weekday IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
    shift_type    TEXT NOT NULL REFERENCES shift_types (code),
    assistant_id  TEXT REFERENCES assistants (id),
    skip_red_days INTEGER NOT NULL DEFAULT 0 CHECK (skip_red_days IN (0, 1)),
    PRIMARY KEY (rotation_id, pos)
);
CREATE INDEX rotation_slots_by_assistant ON rotation_slots (assistant_id);
CREATE INDEX rotation_slots_by_shift_type ON rotation_slots (shift_type);

-- What real days did to a pattern: moved, cancelled, reassigned, or an extra shift.
CREATE TABLE rotation_changes (
    rotation_id  TEXT NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    pos          INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('moved', 'cancelled', 'reassigned', 'extra')),
    day          TEXT NOT NULL,
    slot         INTEGER,
    start_at     INTEGER,
    end_at       INTEGER,
    assistant_id TEXT REFERENCES assistants (id),
    extra_id     TEXT,
    shift_type   TEXT REFERENCES shift_types (code),
    PRIMARY KEY (rotation_id, pos)
);
CREATE INDEX rotation_changes_by_assistant ON rotation_changes (assistant_id);
CREATE INDEX rotation_changes_by_shift_type ON rotation_changes (shift_type);

-- Every edit: one row per entity touched; the rows of one user action share `action_id`.
-- `before_json`/`after_json` are the entity's rows as JSON: whole for an added or deleted
-- entity (NULL on the side where it did not exist), only the changed columns for an update.
-- `state`: 'done', 'undone' (redo possible), or 'dropped' (undone, then overtaken by a new edit).
CREATE TABLE change_log (
    seq       INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    by_user   TEXT NOT NULL,
    what      TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
    after_json  TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
    state     TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),
    undoable  INTEGER NOT NULL DEFAULT 1 CHECK (undoable IN (0, 1))
);

INSERT INTO settings (id) VALUES (1);
