-- Turnus plan file, schema version 4: change-log indexes for long histories.
-- The state and entity indexes grew with every edit and slowed the check on opening; undo and
-- redo only ever look for undone rows, which a partial index holds, so it stays tiny.

DROP INDEX change_log_by_state;
DROP INDEX change_log_by_entity;
CREATE INDEX change_log_undone ON change_log (action_id) WHERE state = 'undone';
