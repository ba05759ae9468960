#ifndef CSQLITEOPTIONS_H
#define CSQLITEOPTIONS_H

/// Turns on SQLite's query planner stability guarantee for a connection opened through
/// sqlite-nio's bundled SQLite. `sqlite3_db_config` is variadic, which Swift cannot call.
/// Returns an SQLite result code.
int sessiondesk_sqlite_enable_qpsg(void *database);

#endif
