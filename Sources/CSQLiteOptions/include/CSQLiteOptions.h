#ifndef CSQLITEOPTIONS_H
#define CSQLITEOPTIONS_H

/// Turns on SQLite's query planner stability guarantee for a connection opened through
/// sqlite-nio's bundled SQLite. `sqlite3_db_config` is variadic, which Swift cannot call.
/// Returns an SQLite result code.
int sessiondesk_sqlite_enable_qpsg(void *database);

/// The name of the VFS that writes each WAL frame's header and page at once (WALFrameWrites.c).
#define SESSIONDESK_SQLITE_VFS "sessiondesk-wal"

/// Registers that VFS, over the default one, once per process; later calls return the first
/// call's SQLite result code.
int sessiondesk_sqlite_register_vfs(void);

/// How many WAL frames went out as one write, in this process so far.
long long sessiondesk_sqlite_joined_frames(void);

#endif
