#include "store/schema.h"

#include <QCoreApplication>
#include <array>

#include "core/error.h"
#include "store/sqlite_db.h"
#include "store/store_text.h"

namespace forkscope {

namespace {

// migrations[i] takes a store from version i to i + 1.
constexpr std::array<const char *, kSchemaVersion> kMigrations = {
    R"sql(
CREATE TABLE projects (
  id          INTEGER PRIMARY KEY,
  entity      TEXT NOT NULL,
  name        TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  next_ordinal INTEGER NOT NULL DEFAULT 1,
  UNIQUE (entity, name)
);
CREATE TABLE runs (
  id            INTEGER PRIMARY KEY,
  immutable_id  TEXT NOT NULL UNIQUE,
  project_id    INTEGER NOT NULL REFERENCES projects(id),
  run_id        TEXT NOT NULL,
  name          TEXT NOT NULL,
  state         TEXT NOT NULL,
  created_ms    INTEGER NOT NULL,
  heartbeat_ms  INTEGER,
  finished_ms   INTEGER,
  exit_code     INTEGER,
  fork_source_immutable TEXT,
  fork_source_run_id    TEXT,
  fork_source_path      TEXT,
  fork_step             INTEGER,
  fork_materialized     INTEGER NOT NULL DEFAULT 0,
  config        TEXT NOT NULL DEFAULT '{}',
  summary       TEXT NOT NULL DEFAULT '{}',
  summary_user  TEXT NOT NULL DEFAULT '{}',
  metadata      TEXT NOT NULL DEFAULT '{}',
  notes         TEXT NOT NULL DEFAULT '',
  tags          TEXT NOT NULL DEFAULT '[]',
  own_first_step INTEGER,
  own_last_step  INTEGER,
  UNIQUE (project_id, run_id)
);
CREATE INDEX runs_by_fork_source ON runs(fork_source_immutable);
-- Run IDs are never reused in a project, even after the run is deleted.
CREATE TABLE retired_run_ids (
  project_id INTEGER NOT NULL,
  run_id     TEXT NOT NULL,
  PRIMARY KEY (project_id, run_id)
) WITHOUT ROWID;
-- One series per run and metric key.
CREATE TABLE series (
  id      INTEGER PRIMARY KEY,
  run     INTEGER NOT NULL REFERENCES runs(id),
  key     TEXT NOT NULL,
  UNIQUE (run, key)
);
-- Numeric points, chunked and columnar (see chunk_codec.h). The summary
-- columns let a chart draw any range from summaries alone. min/max ignore
-- NaN; NULL in a value column means NaN (SQLite has no NaN). Summaries are
-- small rows packed densely; the ~32 KiB blobs live in their own table so
-- that scanning summaries never pages blobs in.
CREATE TABLE chunks (
  series      INTEGER NOT NULL,
  first_step  INTEGER NOT NULL,
  last_step   INTEGER NOT NULL,
  count       INTEGER NOT NULL,
  min_value   REAL,
  max_value   REAL,
  first_value REAL,
  last_value  REAL,
  nan_count   INTEGER NOT NULL,
  data_id     INTEGER NOT NULL,
  PRIMARY KEY (series, first_step)
) WITHOUT ROWID;
CREATE TABLE chunk_data (
  id   INTEGER PRIMARY KEY,
  data BLOB NOT NULL
);
-- Non-numeric values (strings, nested JSON) as JSON text.
CREATE TABLE text_points (
  series INTEGER NOT NULL,
  step   INTEGER NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (series, step)
) WITHOUT ROWID;
)sql",
    // Version 2: a series remembers whether every number logged to it was a
    // JSON integer (within +/-2^53), so history and summaries give integers
    // back as integers. Older series stay 0: their numbers read as doubles.
    R"sql(
ALTER TABLE series ADD COLUMN integral INTEGER NOT NULL DEFAULT 0;
)sql",
    // Version 3: who is logging a run. A writer claims the run (state running, a random
    // token, its pid and host) in one write transaction and renews the claim
    // with every heartbeat; a claim whose heartbeat is older than the
    // timeout is a crashed writer's and may be taken over.
    R"sql(
ALTER TABLE runs ADD COLUMN writer_token TEXT;
ALTER TABLE runs ADD COLUMN writer_pid INTEGER;
ALTER TABLE runs ADD COLUMN writer_host TEXT;
)sql",
    // Version 4: the checkpoints (saved weights) a run registered, and the
    // console output of processes Forkscope started for a run. A fork sees
    // its source's checkpoints up to the fork step through its lineage, as
    // with history; nothing is copied.
    R"sql(
CREATE TABLE checkpoints (
  id         INTEGER PRIMARY KEY,
  run        INTEGER NOT NULL REFERENCES runs(id),
  step       INTEGER NOT NULL,
  path       TEXT NOT NULL,
  size       INTEGER,
  sha256     TEXT,
  created_ms INTEGER NOT NULL,
  metadata   TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX checkpoints_by_run_step ON checkpoints(run, step);
CREATE TABLE console_output (
  run     INTEGER NOT NULL REFERENCES runs(id),
  seq     INTEGER NOT NULL,
  stream  INTEGER NOT NULL,
  time_ms INTEGER NOT NULL,
  text    TEXT NOT NULL,
  PRIMARY KEY (run, seq)
) WITHOUT ROWID;
)sql",
    // Version 5: the runs list pages from the store and updates in place.
    // Every change to what a run's row shows takes the next number of the
    // store-wide change counter into runs.change_seq (a deleted run leaves
    // its number in removed_runs), so a reader asks "what changed since S".
    // Triggers do it, so it lands in the writer's own transaction whatever
    // the write path; a heartbeat alone changes nothing shown and bumps
    // nothing. projects.run_count keeps the counts exact without counting a
    // million rows, and run_values holds every numeric summary and config
    // leaf (dotted key) with an index, so sorting and filtering by one is an
    // index walk instead of JSON parsing of every run.
    R"sql(
ALTER TABLE runs ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE projects ADD COLUMN run_count INTEGER NOT NULL DEFAULT 0;
CREATE TABLE change_counter (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL
);
INSERT INTO change_counter (id, seq) VALUES (1, coalesce((SELECT max(id) FROM runs), 0));
UPDATE runs SET change_seq = id;
UPDATE projects SET run_count = (SELECT count(*) FROM runs r WHERE r.project_id = projects.id);
CREATE TABLE removed_runs (
  seq        INTEGER PRIMARY KEY,
  run        INTEGER NOT NULL,
  project_id INTEGER NOT NULL
);
CREATE INDEX removed_runs_by_project ON removed_runs(project_id, seq);
-- source: 0 summary, 1 config. A summary that is not strict JSON (NaN and
-- Infinity are kept as such) has no values here.
CREATE TABLE run_values (
  project_id INTEGER NOT NULL,
  source     INTEGER NOT NULL,
  key        TEXT NOT NULL,
  value      REAL NOT NULL,
  run        INTEGER NOT NULL,
  PRIMARY KEY (project_id, source, key, value, run)
) WITHOUT ROWID;
CREATE INDEX run_values_by_run ON run_values(run, source);
INSERT INTO run_values (project_id, source, key, value, run)
  SELECT r.project_id, 0, substr(j.fullkey, 3), j.value, r.id FROM runs r, json_tree(CASE WHEN json_valid(r.summary) THEN r.summary ELSE '{}' END) j
  WHERE j.type IN ('integer', 'real');
INSERT INTO run_values (project_id, source, key, value, run)
  SELECT r.project_id, 1, substr(j.fullkey, 3), j.value, r.id FROM runs r, json_tree(CASE WHEN json_valid(r.config) THEN r.config ELSE '{}' END) j
  WHERE j.type IN ('integer', 'real');
CREATE INDEX runs_by_change ON runs(project_id, change_seq);
CREATE INDEX runs_by_created ON runs(project_id, created_ms, id);
CREATE INDEX runs_by_name ON runs(project_id, name COLLATE NOCASE, id);
CREATE INDEX runs_by_state ON runs(project_id, state, id);
CREATE INDEX runs_by_last_step ON runs(project_id, ifnull(own_last_step, -1), id);
CREATE TRIGGER runs_insert_tracked AFTER INSERT ON runs BEGIN
  UPDATE change_counter SET seq = seq + 1 WHERE id = 1;
  UPDATE runs SET change_seq = (SELECT seq FROM change_counter WHERE id = 1) WHERE id = NEW.id;
  UPDATE projects SET run_count = run_count + 1 WHERE id = NEW.project_id;
  INSERT OR IGNORE INTO run_values (project_id, source, key, value, run)
    SELECT NEW.project_id, 0, substr(j.fullkey, 3), j.value, NEW.id FROM json_tree(CASE WHEN json_valid(NEW.summary) THEN NEW.summary ELSE '{}' END) j
    WHERE j.type IN ('integer', 'real');
  INSERT OR IGNORE INTO run_values (project_id, source, key, value, run)
    SELECT NEW.project_id, 1, substr(j.fullkey, 3), j.value, NEW.id FROM json_tree(CASE WHEN json_valid(NEW.config) THEN NEW.config ELSE '{}' END) j
    WHERE j.type IN ('integer', 'real');
END;
CREATE TRIGGER runs_update_tracked AFTER UPDATE OF name, run_id, state, created_ms, finished_ms, exit_code,
  fork_source_immutable, fork_source_run_id, fork_source_path, fork_step, fork_materialized, config, summary,
  notes, tags, own_first_step, own_last_step ON runs
  WHEN NEW.name IS NOT OLD.name OR NEW.run_id IS NOT OLD.run_id OR NEW.state IS NOT OLD.state
    OR NEW.created_ms IS NOT OLD.created_ms OR NEW.finished_ms IS NOT OLD.finished_ms
    OR NEW.exit_code IS NOT OLD.exit_code OR NEW.fork_source_immutable IS NOT OLD.fork_source_immutable
    OR NEW.fork_source_run_id IS NOT OLD.fork_source_run_id OR NEW.fork_source_path IS NOT OLD.fork_source_path
    OR NEW.fork_step IS NOT OLD.fork_step OR NEW.fork_materialized IS NOT OLD.fork_materialized
    OR NEW.config IS NOT OLD.config OR NEW.summary IS NOT OLD.summary OR NEW.notes IS NOT OLD.notes
    OR NEW.tags IS NOT OLD.tags OR NEW.own_first_step IS NOT OLD.own_first_step
    OR NEW.own_last_step IS NOT OLD.own_last_step
BEGIN
  UPDATE change_counter SET seq = seq + 1 WHERE id = 1;
  UPDATE runs SET change_seq = (SELECT seq FROM change_counter WHERE id = 1) WHERE id = NEW.id;
END;
CREATE TRIGGER runs_summary_values AFTER UPDATE OF summary ON runs WHEN NEW.summary IS NOT OLD.summary BEGIN
  DELETE FROM run_values WHERE run = NEW.id AND source = 0;
  INSERT OR IGNORE INTO run_values (project_id, source, key, value, run)
    SELECT NEW.project_id, 0, substr(j.fullkey, 3), j.value, NEW.id FROM json_tree(CASE WHEN json_valid(NEW.summary) THEN NEW.summary ELSE '{}' END) j
    WHERE j.type IN ('integer', 'real');
END;
CREATE TRIGGER runs_config_values AFTER UPDATE OF config ON runs WHEN NEW.config IS NOT OLD.config BEGIN
  DELETE FROM run_values WHERE run = NEW.id AND source = 1;
  INSERT OR IGNORE INTO run_values (project_id, source, key, value, run)
    SELECT NEW.project_id, 1, substr(j.fullkey, 3), j.value, NEW.id FROM json_tree(CASE WHEN json_valid(NEW.config) THEN NEW.config ELSE '{}' END) j
    WHERE j.type IN ('integer', 'real');
END;
CREATE TRIGGER runs_delete_tracked AFTER DELETE ON runs BEGIN
  UPDATE change_counter SET seq = seq + 1 WHERE id = 1;
  INSERT INTO removed_runs (seq, run, project_id)
    VALUES ((SELECT seq FROM change_counter WHERE id = 1), OLD.id, OLD.project_id);
  UPDATE projects SET run_count = run_count - 1 WHERE id = OLD.project_id;
  DELETE FROM run_values WHERE run = OLD.id;
END;
)sql",
    // Version 6: rewind. A rewound run keeps its row (run ID, path,
    // immutable ID); what it had logged moves, by re-pointing its series and
    // checkpoints, to a hidden archived version: a row of its own
    // (archived_of: the live run, archived_step: the rewind step). The live
    // run then continues that archived version at the rewind step
    // (rewind_source_immutable, rewind_step), a link that reads follow
    // before the fork link, which stays what the run was forked from.
    R"sql(
ALTER TABLE runs ADD COLUMN rewind_source_immutable TEXT;
ALTER TABLE runs ADD COLUMN rewind_step INTEGER;
ALTER TABLE runs ADD COLUMN archived_of INTEGER;
ALTER TABLE runs ADD COLUMN archived_step INTEGER;
ALTER TABLE runs ADD COLUMN archived_ms INTEGER;
CREATE INDEX runs_by_archived_of ON runs(archived_of);
-- An archived version is not a row of the runs list: it takes no part in
-- the change numbers, the project's count or the sortable values.
DROP TRIGGER runs_insert_tracked;
DROP TRIGGER runs_update_tracked;
DROP TRIGGER runs_summary_values;
DROP TRIGGER runs_config_values;
DROP TRIGGER runs_delete_tracked;
CREATE TRIGGER runs_insert_tracked AFTER INSERT ON runs WHEN NEW.archived_of IS NULL BEGIN
  UPDATE change_counter SET seq = seq + 1 WHERE id = 1;
  UPDATE runs SET change_seq = (SELECT seq FROM change_counter WHERE id = 1) WHERE id = NEW.id;
  UPDATE projects SET run_count = run_count + 1 WHERE id = NEW.project_id;
  INSERT OR IGNORE INTO run_values (project_id, source, key, value, run)
    SELECT NEW.project_id, 0, substr(j.fullkey, 3), j.value, NEW.id FROM json_tree(CASE WHEN json_valid(NEW.summary) THEN NEW.summary ELSE '{}' END) j
    WHERE j.type IN ('integer', 'real');
  INSERT OR IGNORE INTO run_values (project_id, source, key, value, run)
    SELECT NEW.project_id, 1, substr(j.fullkey, 3), j.value, NEW.id FROM json_tree(CASE WHEN json_valid(NEW.config) THEN NEW.config ELSE '{}' END) j
    WHERE j.type IN ('integer', 'real');
END;
CREATE TRIGGER runs_update_tracked AFTER UPDATE OF name, run_id, state, created_ms, finished_ms, exit_code,
  fork_source_immutable, fork_source_run_id, fork_source_path, fork_step, fork_materialized, config, summary,
  notes, tags, own_first_step, own_last_step ON runs
  WHEN NEW.archived_of IS NULL AND (NEW.name IS NOT OLD.name OR NEW.run_id IS NOT OLD.run_id OR NEW.state IS NOT OLD.state
    OR NEW.created_ms IS NOT OLD.created_ms OR NEW.finished_ms IS NOT OLD.finished_ms
    OR NEW.exit_code IS NOT OLD.exit_code OR NEW.fork_source_immutable IS NOT OLD.fork_source_immutable
    OR NEW.fork_source_run_id IS NOT OLD.fork_source_run_id OR NEW.fork_source_path IS NOT OLD.fork_source_path
    OR NEW.fork_step IS NOT OLD.fork_step OR NEW.fork_materialized IS NOT OLD.fork_materialized
    OR NEW.config IS NOT OLD.config OR NEW.summary IS NOT OLD.summary OR NEW.notes IS NOT OLD.notes
    OR NEW.tags IS NOT OLD.tags OR NEW.own_first_step IS NOT OLD.own_first_step
    OR NEW.own_last_step IS NOT OLD.own_last_step)
BEGIN
  UPDATE change_counter SET seq = seq + 1 WHERE id = 1;
  UPDATE runs SET change_seq = (SELECT seq FROM change_counter WHERE id = 1) WHERE id = NEW.id;
END;
CREATE TRIGGER runs_summary_values AFTER UPDATE OF summary ON runs
  WHEN NEW.archived_of IS NULL AND NEW.summary IS NOT OLD.summary BEGIN
  DELETE FROM run_values WHERE run = NEW.id AND source = 0;
  INSERT OR IGNORE INTO run_values (project_id, source, key, value, run)
    SELECT NEW.project_id, 0, substr(j.fullkey, 3), j.value, NEW.id FROM json_tree(CASE WHEN json_valid(NEW.summary) THEN NEW.summary ELSE '{}' END) j
    WHERE j.type IN ('integer', 'real');
END;
CREATE TRIGGER runs_config_values AFTER UPDATE OF config ON runs
  WHEN NEW.archived_of IS NULL AND NEW.config IS NOT OLD.config BEGIN
  DELETE FROM run_values WHERE run = NEW.id AND source = 1;
  INSERT OR IGNORE INTO run_values (project_id, source, key, value, run)
    SELECT NEW.project_id, 1, substr(j.fullkey, 3), j.value, NEW.id FROM json_tree(CASE WHEN json_valid(NEW.config) THEN NEW.config ELSE '{}' END) j
    WHERE j.type IN ('integer', 'real');
END;
CREATE TRIGGER runs_delete_tracked AFTER DELETE ON runs WHEN OLD.archived_of IS NULL BEGIN
  UPDATE change_counter SET seq = seq + 1 WHERE id = 1;
  INSERT INTO removed_runs (seq, run, project_id)
    VALUES ((SELECT seq FROM change_counter WHERE id = 1), OLD.id, OLD.project_id);
  UPDATE projects SET run_count = run_count - 1 WHERE id = OLD.project_id;
  DELETE FROM run_values WHERE run = OLD.id;
END;
)sql",
};

int pragmaInt(SqliteDb &db, const char *sql)
{
    auto st = db.prepare(sql);
    return st.step() ? int(st.int64(0)) : 0;
}

// Refuses a store of a newer Forkscope or a file of another program; the
// store's version (0: a new, empty SQLite file).
int checkIdentity(SqliteDb &db)
{
    const int version = pragmaInt(db, "PRAGMA user_version");
    const int appId = pragmaInt(db, "PRAGMA application_id");
    if (version > kSchemaVersion && appId == kApplicationId) {
        throw Error(Error::Kind::SchemaTooNew,
                    StoreText::tr("the store '%1' has schema version %2, newer than this Forkscope "
                                  "understands (up to %3); it was left untouched. Open it with a newer "
                                  "Forkscope.")
                        .arg(db.path())
                        .arg(version)
                        .arg(kSchemaVersion));
    }
    const bool foreign = appId != kApplicationId &&
                         (appId != 0 || version != 0 || pragmaInt(db, "SELECT count(*) FROM sqlite_master") != 0);
    if (foreign) {
        throw Error(Error::Kind::Storage,
                    StoreText::tr("'%1' is an SQLite database of another program, not a Forkscope "
                                  "store; it was left untouched. Choose a Forkscope store or a new path.")
                        .arg(db.path()));
    }
    return version;
}

} // namespace

void checkReadableSchema(SqliteDb &db)
{
    const int version = checkIdentity(db);
    if (version == 0)
        throw Error(Error::Kind::Storage,
                    StoreText::tr("'%1' is not a Forkscope store: it is an empty SQLite database; it "
                                  "was left untouched")
                        .arg(db.path()));
    // Reading cannot migrate. An older store is read through views in the
    // connection's own temp schema (nothing reaches the file) that add the
    // newer columns with the values a migration would give them.
    if (version < 2)
        db.exec("CREATE TEMP VIEW series AS SELECT *, 0 AS integral FROM main.series");
    if (version < 3)
        db.exec("CREATE TEMP VIEW runs AS SELECT *, NULL AS writer_token, NULL AS writer_pid, NULL AS writer_host, "
                "id AS change_seq, NULL AS rewind_source_immutable, NULL AS rewind_step, NULL AS archived_of, "
                "NULL AS archived_step, NULL AS archived_ms FROM main.runs");
    else if (version < 5)
        db.exec("CREATE TEMP VIEW runs AS SELECT *, id AS change_seq, NULL AS rewind_source_immutable, "
                "NULL AS rewind_step, NULL AS archived_of, NULL AS archived_step, NULL AS archived_ms FROM main.runs");
    else if (version < 6)
        db.exec("CREATE TEMP VIEW runs AS SELECT *, NULL AS rewind_source_immutable, NULL AS rewind_step, "
                "NULL AS archived_of, NULL AS archived_step, NULL AS archived_ms FROM main.runs");
    if (version < 4) {
        db.exec("CREATE TEMP TABLE checkpoints (id INTEGER PRIMARY KEY, run INTEGER NOT NULL, step INTEGER NOT NULL, "
                "path TEXT NOT NULL, size INTEGER, sha256 TEXT, created_ms INTEGER NOT NULL, metadata TEXT NOT NULL)");
        db.exec(
            "CREATE TEMP TABLE console_output (run INTEGER NOT NULL, seq INTEGER NOT NULL, stream INTEGER NOT NULL, "
            "time_ms INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (run, seq)) WITHOUT ROWID");
    }
    // Without change tracking the counter reads as one past every run, so a
    // reader sees the whole (unchanging) store once.
    if (version < 5) {
        db.exec("CREATE TEMP VIEW projects AS SELECT p.*, (SELECT count(*) FROM main.runs r WHERE r.project_id = p.id) "
                "AS run_count FROM main.projects p");
        db.exec("CREATE TEMP VIEW change_counter AS SELECT 1 AS id, coalesce(max(id), 0) AS seq FROM main.runs");
        db.exec("CREATE TEMP TABLE removed_runs (seq INTEGER PRIMARY KEY, run INTEGER NOT NULL, "
                "project_id INTEGER NOT NULL)");
        db.exec(
            "CREATE TEMP VIEW run_values AS SELECT r.project_id AS project_id, 0 AS source, substr(j.fullkey, 3) "
            "AS key, j.value AS value, r.id AS run FROM main.runs r, json_tree(CASE WHEN json_valid(r.summary) THEN "
            "r.summary ELSE '{}' END) j WHERE j.type IN "
            "('integer', 'real') UNION ALL SELECT r.project_id, 1, substr(j.fullkey, 3), j.value, r.id FROM "
            "main.runs r, json_tree(CASE WHEN json_valid(r.config) THEN r.config ELSE '{}' END) j WHERE j.type IN "
            "('integer', 'real')");
    }
}

void migrateSchema(SqliteDb &db)
{
    const int version = checkIdentity(db);
    if (version == kSchemaVersion)
        return;
    if (version == 0)
        // A new file: 16 KiB pages, so a 32 KiB history chunk is three page
        // reads instead of nine (only settable before the first table).
        db.exec("PRAGMA page_size = 16384");
    WriteTransaction tx(db);
    // Re-read inside the write lock: another process may have migrated.
    int current = pragmaInt(db, "PRAGMA user_version");
    for (; current < kSchemaVersion; ++current)
        db.exec(kMigrations[size_t(current)]);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    tx.commit();
}

} // namespace forkscope
