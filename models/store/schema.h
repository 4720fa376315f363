#pragma once

namespace forkscope {

class SqliteDb;

// The newest schema this build knows. Bump it with a new entry in
// schema.cpp's migration list; never edit an old entry.
constexpr int kSchemaVersion = 6;
// PRAGMA application_id of every Forkscope store ("FSKP").
constexpr int kApplicationId = 0x46534B50;

// Brings the store up to kSchemaVersion, or refuses (forkscope::Error SchemaTooNew)
// a store written by a newer Forkscope without touching it, or refuses
// (forkscope::Error Storage) an SQLite file that belongs to another program.
void migrateSchema(SqliteDb &db);
// For read-only opening: the same refusals as migrateSchema, and also of an
// SQLite file without Forkscope tables; changes nothing.
void checkReadableSchema(SqliteDb &db);

} // namespace forkscope
