-- Turnus plan file, schema version 7: absences of part of a day and the kind of sick note,
-- cover links (who a covered shift was originally planned for), the holiday days agreed
-- carried over from the year before, and the main-holiday deadline. Self-contained: only new
-- columns with defaults, so every earlier file keeps its meaning.

-- Egenmelding or sykmelding, for sickness only.
ALTER TABLE absences ADD COLUMN sick_note TEXT
    CHECK (sick_note IS NULL OR (sick_note IN ('egenmelding', 'sykmelding') AND kind = 'sykdom'));
-- Local start and end (HH:MM) of a part-day absence; both or neither, on one day.
ALTER TABLE absences ADD COLUMN from_time TEXT
    CHECK (from_time IS NULL OR (length(from_time) = 5 AND substr(from_time, 3, 1) = ':'));
ALTER TABLE absences ADD COLUMN to_time TEXT
    CHECK (to_time IS NULL OR (length(to_time) = 5 AND substr(to_time, 3, 1) = ':'));

-- The absent assistant a covered shift was originally planned for; NULL when not covered.
ALTER TABLE shifts ADD COLUMN original_assistant TEXT
    CHECK (original_assistant IS NULL OR original_assistant <> '');

-- Days agreed carried into each year, as a JSON object {"2026": 5}.
ALTER TABLE assistants ADD COLUMN holiday_carried TEXT NOT NULL DEFAULT '{}';

-- MM-DD, or NULL for no deadline.
ALTER TABLE settings ADD COLUMN main_holiday_deadline TEXT
    CHECK (main_holiday_deadline IS NULL OR length(main_holiday_deadline) = 5);
