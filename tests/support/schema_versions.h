#pragma once

namespace forkscope::test {

// SQL that takes a version-5 store back to what version 4 wrote: no change
// tracking, no kept run counts, no value index. Tests of older stores run it
// before undoing the older versions' additions.
constexpr const char *kBackToVersion4 =
    "DROP TRIGGER runs_insert_tracked; DROP TRIGGER runs_update_tracked; DROP TRIGGER runs_summary_values; "
    "DROP TRIGGER runs_config_values; DROP TRIGGER runs_delete_tracked; DROP TABLE change_counter; "
    "DROP TABLE removed_runs; DROP TABLE run_values; DROP INDEX runs_by_change; DROP INDEX runs_by_created; "
    "DROP INDEX runs_by_name; DROP INDEX runs_by_state; DROP INDEX runs_by_last_step; "
    "ALTER TABLE runs DROP COLUMN change_seq; ALTER TABLE projects DROP COLUMN run_count; PRAGMA user_version = 4;";

} // namespace forkscope::test
