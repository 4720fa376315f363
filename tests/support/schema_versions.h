#pragma once

namespace forkscope::test {

// SQL that takes a store of the current version back to what version 4
// wrote: no rewind links or archived versions, no change tracking, no kept
// run counts, no value index. Tests of older stores run it
// before undoing the older versions' additions.
constexpr const char *kBackToVersion4 =
    "DROP TRIGGER runs_insert_tracked; DROP TRIGGER runs_update_tracked; DROP TRIGGER runs_summary_values; "
    "DROP TRIGGER runs_config_values; DROP TRIGGER runs_delete_tracked; DROP TABLE change_counter; "
    "DROP INDEX runs_by_archived_of; ALTER TABLE runs DROP COLUMN rewind_source_immutable; "
    "ALTER TABLE runs DROP COLUMN rewind_step; ALTER TABLE runs DROP COLUMN archived_of; "
    "ALTER TABLE runs DROP COLUMN archived_step; ALTER TABLE runs DROP COLUMN archived_ms; "
    "DROP TABLE removed_runs; DROP TABLE run_values; DROP INDEX runs_by_change; DROP INDEX runs_by_created; "
    "DROP INDEX runs_by_name; DROP INDEX runs_by_state; DROP INDEX runs_by_last_step; "
    "ALTER TABLE runs DROP COLUMN change_seq; ALTER TABLE projects DROP COLUMN run_count; PRAGMA user_version = 4;";

} // namespace forkscope::test
