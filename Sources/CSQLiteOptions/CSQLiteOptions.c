#include "CSQLiteOptions.h"

/* sqlite-nio's bundled SQLite, linked into the same binary. Declared here because its header is not
   exported to other packages; the values are from sqlite3.h. */
int sqlite_nio_sqlite3_db_config(void *database, int option, ...);
#define SQLITE_DBCONFIG_ENABLE_QPSG 1007

int sessiondesk_sqlite_enable_qpsg(void *database) {
    int enabled = 0;
    return sqlite_nio_sqlite3_db_config(database, SQLITE_DBCONFIG_ENABLE_QPSG, 1, &enabled);
}
