-- Turnus plan file: the month as worked. Self-contained: it only adds columns and tables, so it
-- applies after any migration that came before it.
--
-- shifts: the actual times of a worked shift (NULL: worked as planned), why a shift was not
-- worked, work that was not planned, and the personlig-stell mark (never carries an egenandel).
ALTER TABLE shifts ADD COLUMN actual_start INTEGER;
ALTER TABLE shifts ADD COLUMN actual_end INTEGER;
ALTER TABLE shifts ADD COLUMN actual_break_minutes INTEGER CHECK (actual_break_minutes >= 0);
ALTER TABLE shifts ADD COLUMN actual_passive_minutes INTEGER CHECK (actual_passive_minutes >= 0);
ALTER TABLE shifts ADD COLUMN not_worked_reason TEXT;
ALTER TABLE shifts ADD COLUMN unplanned INTEGER NOT NULL DEFAULT 0 CHECK (unplanned IN (0, 1));
ALTER TABLE shifts ADD COLUMN personlig_stell INTEGER NOT NULL DEFAULT 0
    CHECK (personlig_stell IN (0, 1));

-- settings: the supplement categories ({"evening_start": "17:00", ...}; '{}' is the
-- defaults) and the egenandel table and bracket chosen.
ALTER TABLE settings ADD COLUMN categories TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(categories));
ALTER TABLE settings ADD COLUMN egenandel_table TEXT;
ALTER TABLE settings ADD COLUMN egenandel_bracket TEXT;

-- A month ('YYYY-MM') once closed keeps its row: `closed` 0 after reopening, with the reason.
CREATE TABLE closed_months (
    id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 7 AND substr(id, 5, 1) = '-'),
    pos           INTEGER NOT NULL,
    closed        INTEGER NOT NULL DEFAULT 1 CHECK (closed IN (0, 1)),
    closed_at     INTEGER NOT NULL,
    closed_by     TEXT NOT NULL,
    reopen_reason TEXT,
    created_at    INTEGER,
    created_by    TEXT,
    updated_at    INTEGER,
    updated_by    TEXT
);

-- Egenandel tables the user added: the table as plan JSON writes it.
CREATE TABLE egenandel_tables (
    id         TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    pos        INTEGER NOT NULL,
    data       TEXT NOT NULL CHECK (json_valid(data)),
    created_at INTEGER,
    created_by TEXT,
    updated_at INTEGER,
    updated_by TEXT
);
