#include "CSQLiteOptions.h"

#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <stdatomic.h>

/* SQLite appends each WAL frame with two writes: the frame's 24-byte header, then its page. Each is
   a system call and a pass through the file system's write path, and under load the writer spent
   about a tenth of its time there. This VFS, layered over the default one, holds a new frame's
   header back until the page that follows it and writes the two at once. Every other call, and
   every file that is not a WAL, goes straight to the default VFS.

   Only a header written past everything written so far is held: SQLite writes such a header and
   then, with no call in between, its page (`walWriteOneFrame`). Headers it rewrites over earlier
   frames (`walRewriteChecksums`, at a commit) go out at once, so a committed frame never waits
   here for a later call.

   The structures below are SQLite's VFS interface (sqlite3.h, stable since 3.7), declared here
   because sqlite-nio does not export its header; its symbols carry the `sqlite_nio_` prefix. */

typedef long long sqlite3_int64;
typedef struct sqlite3_file sqlite3_file;
typedef struct sqlite3_io_methods sqlite3_io_methods;
typedef struct sqlite3_vfs sqlite3_vfs;
typedef void (*sqlite3_syscall_ptr)(void);

struct sqlite3_file {
    const struct sqlite3_io_methods *pMethods;
};

struct sqlite3_io_methods {
    int iVersion;
    int (*xClose)(sqlite3_file *);
    int (*xRead)(sqlite3_file *, void *, int iAmt, sqlite3_int64 iOfst);
    int (*xWrite)(sqlite3_file *, const void *, int iAmt, sqlite3_int64 iOfst);
    int (*xTruncate)(sqlite3_file *, sqlite3_int64 size);
    int (*xSync)(sqlite3_file *, int flags);
    int (*xFileSize)(sqlite3_file *, sqlite3_int64 *pSize);
    int (*xLock)(sqlite3_file *, int);
    int (*xUnlock)(sqlite3_file *, int);
    int (*xCheckReservedLock)(sqlite3_file *, int *pResOut);
    int (*xFileControl)(sqlite3_file *, int op, void *pArg);
    int (*xSectorSize)(sqlite3_file *);
    int (*xDeviceCharacteristics)(sqlite3_file *);
    int (*xShmMap)(sqlite3_file *, int iPg, int pgsz, int, void volatile **);
    int (*xShmLock)(sqlite3_file *, int offset, int n, int flags);
    void (*xShmBarrier)(sqlite3_file *);
    int (*xShmUnmap)(sqlite3_file *, int deleteFlag);
    int (*xFetch)(sqlite3_file *, sqlite3_int64 iOfst, int iAmt, void **pp);
    int (*xUnfetch)(sqlite3_file *, sqlite3_int64 iOfst, void *p);
};

struct sqlite3_vfs {
    int iVersion;
    int szOsFile;
    int mxPathname;
    sqlite3_vfs *pNext;
    const char *zName;
    void *pAppData;
    int (*xOpen)(sqlite3_vfs *, const char *zName, sqlite3_file *, int flags, int *pOutFlags);
    int (*xDelete)(sqlite3_vfs *, const char *zName, int syncDir);
    int (*xAccess)(sqlite3_vfs *, const char *zName, int flags, int *pResOut);
    int (*xFullPathname)(sqlite3_vfs *, const char *zName, int nOut, char *zOut);
    void *(*xDlOpen)(sqlite3_vfs *, const char *zFilename);
    void (*xDlError)(sqlite3_vfs *, int nByte, char *zErrMsg);
    void (*(*xDlSym)(sqlite3_vfs *, void *, const char *zSymbol))(void);
    void (*xDlClose)(sqlite3_vfs *, void *);
    int (*xRandomness)(sqlite3_vfs *, int nByte, char *zOut);
    int (*xSleep)(sqlite3_vfs *, int microseconds);
    int (*xCurrentTime)(sqlite3_vfs *, double *);
    int (*xGetLastError)(sqlite3_vfs *, int, char *);
    int (*xCurrentTimeInt64)(sqlite3_vfs *, sqlite3_int64 *);
    int (*xSetSystemCall)(sqlite3_vfs *, const char *zName, sqlite3_syscall_ptr);
    sqlite3_syscall_ptr (*xGetSystemCall)(sqlite3_vfs *, const char *zName);
    const char *(*xNextSystemCall)(sqlite3_vfs *, const char *zName);
};

sqlite3_vfs *sqlite_nio_sqlite3_vfs_find(const char *zVfsName);
int sqlite_nio_sqlite3_vfs_register(sqlite3_vfs *, int makeDflt);

#define SQLITE_OK 0
#define SQLITE_NOMEM 7
#define SQLITE_IOERR 10
#define SQLITE_OPEN_WAL 0x00080000
/* A WAL file starts with a 32-byte header; each frame is a 24-byte header and a page. */
#define WAL_HEADER_SIZE 32
#define WAL_FRAME_HEADER_SIZE 24

typedef struct {
    sqlite3_file base;
    /* The default VFS's file, stored right after this structure. */
    sqlite3_file *real;
    unsigned char header[WAL_FRAME_HEADER_SIZE];
    sqlite3_int64 headerOffset;
    int holding;
    /* Where the frames written since the WAL last started over end. */
    sqlite3_int64 end;
    /* A frame's header and page, side by side; grown to the page size on first use. */
    unsigned char *frame;
    int frameSize;
} WALFile;

static sqlite3_vfs *defaultVFS;
static sqlite3_vfs framedVFS;
static atomic_llong joinedFrames;

/* Writes a held header on its own, as SQLite asked for it. */
static int release(WALFile *file) {
    if (!file->holding) return SQLITE_OK;
    file->holding = 0;
    return file->real->pMethods->xWrite(file->real, file->header, WAL_FRAME_HEADER_SIZE, file->headerOffset);
}

static int walWrite(sqlite3_file *base, const void *data, int amount, sqlite3_int64 offset) {
    WALFile *file = (WALFile *)base;
    // The WAL's own header, at the start, is written when the log starts over.
    if (offset == 0) file->end = 0;
    if (offset + amount > file->end) file->end = offset + amount;
    if (file->holding && offset == file->headerOffset + WAL_FRAME_HEADER_SIZE) {
        int size = WAL_FRAME_HEADER_SIZE + amount;
        if (size > file->frameSize) {
            unsigned char *grown = realloc(file->frame, (size_t)size);
            if (grown == NULL) return SQLITE_NOMEM;
            file->frame = grown;
            file->frameSize = size;
        }
        memcpy(file->frame, file->header, WAL_FRAME_HEADER_SIZE);
        memcpy(file->frame + WAL_FRAME_HEADER_SIZE, data, (size_t)amount);
        file->holding = 0;
        atomic_fetch_add_explicit(&joinedFrames, 1, memory_order_relaxed);
        return file->real->pMethods->xWrite(file->real, file->frame, size, file->headerOffset);
    }
    int rc = release(file);
    if (rc != SQLITE_OK) return rc;
    if (amount == WAL_FRAME_HEADER_SIZE && offset >= WAL_HEADER_SIZE && offset + amount == file->end) {
        memcpy(file->header, data, WAL_FRAME_HEADER_SIZE);
        file->headerOffset = offset;
        file->holding = 1;
        return SQLITE_OK;
    }
    return file->real->pMethods->xWrite(file->real, data, amount, offset);
}

/* Every method that touches the file writes out a held header first, so it is never seen without it. */

static int walClose(sqlite3_file *base) {
    WALFile *file = (WALFile *)base;
    int released = release(file);
    int rc = file->real->pMethods->xClose(file->real);
    free(file->frame);
    file->frame = NULL;
    file->frameSize = 0;
    return released != SQLITE_OK ? released : rc;
}

#define RELEASED(file)                           \
    WALFile *file = (WALFile *)base;             \
    {                                            \
        int released = release(file);            \
        if (released != SQLITE_OK) return released; \
    }

static int walRead(sqlite3_file *base, void *data, int amount, sqlite3_int64 offset) {
    RELEASED(file);
    return file->real->pMethods->xRead(file->real, data, amount, offset);
}

static int walTruncate(sqlite3_file *base, sqlite3_int64 size) {
    RELEASED(file);
    if (size < file->end) file->end = size;
    return file->real->pMethods->xTruncate(file->real, size);
}

static int walSync(sqlite3_file *base, int flags) {
    RELEASED(file);
    return file->real->pMethods->xSync(file->real, flags);
}

static int walFileSize(sqlite3_file *base, sqlite3_int64 *size) {
    RELEASED(file);
    return file->real->pMethods->xFileSize(file->real, size);
}

static int walLock(sqlite3_file *base, int level) {
    RELEASED(file);
    return file->real->pMethods->xLock(file->real, level);
}

static int walUnlock(sqlite3_file *base, int level) {
    RELEASED(file);
    return file->real->pMethods->xUnlock(file->real, level);
}

static int walCheckReservedLock(sqlite3_file *base, int *result) {
    RELEASED(file);
    return file->real->pMethods->xCheckReservedLock(file->real, result);
}

static int walFileControl(sqlite3_file *base, int op, void *argument) {
    RELEASED(file);
    return file->real->pMethods->xFileControl(file->real, op, argument);
}

static int walSectorSize(sqlite3_file *base) {
    return ((WALFile *)base)->real->pMethods->xSectorSize(((WALFile *)base)->real);
}

static int walDeviceCharacteristics(sqlite3_file *base) {
    return ((WALFile *)base)->real->pMethods->xDeviceCharacteristics(((WALFile *)base)->real);
}

/* Version 1: SQLite maps shared memory and pages only through the database file, never a WAL. */
static const sqlite3_io_methods walMethods = {
    1,
    walClose,
    walRead,
    walWrite,
    walTruncate,
    walSync,
    walFileSize,
    walLock,
    walUnlock,
    walCheckReservedLock,
    walFileControl,
    walSectorSize,
    walDeviceCharacteristics,
};

static int framedOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *base, int flags, int *outFlags) {
    (void)vfs;
    if (!(flags & SQLITE_OPEN_WAL)) {
        // Not a WAL: the default VFS's file takes the whole space, and SQLite calls it directly.
        return defaultVFS->xOpen(defaultVFS, name, base, flags, outFlags);
    }
    WALFile *file = (WALFile *)base;
    memset(file, 0, sizeof(WALFile));
    file->real = (sqlite3_file *)(file + 1);
    int rc = defaultVFS->xOpen(defaultVFS, name, file->real, flags, outFlags);
    // SQLite closes a file only when its methods are set, so a failed open leaves them unset.
    file->base.pMethods = file->real->pMethods != NULL ? &walMethods : NULL;
    return rc;
}

/* The rest of the VFS is the default one's, called with the default VFS itself. */

static int framedDelete(sqlite3_vfs *vfs, const char *name, int syncDir) {
    (void)vfs;
    return defaultVFS->xDelete(defaultVFS, name, syncDir);
}

static int framedAccess(sqlite3_vfs *vfs, const char *name, int flags, int *result) {
    (void)vfs;
    return defaultVFS->xAccess(defaultVFS, name, flags, result);
}

static int framedFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *output) {
    (void)vfs;
    return defaultVFS->xFullPathname(defaultVFS, name, size, output);
}

static void *framedDlOpen(sqlite3_vfs *vfs, const char *filename) {
    (void)vfs;
    return defaultVFS->xDlOpen(defaultVFS, filename);
}

static void framedDlError(sqlite3_vfs *vfs, int size, char *message) {
    (void)vfs;
    defaultVFS->xDlError(defaultVFS, size, message);
}

static void (*framedDlSym(sqlite3_vfs *vfs, void *library, const char *symbol))(void) {
    (void)vfs;
    return defaultVFS->xDlSym(defaultVFS, library, symbol);
}

static void framedDlClose(sqlite3_vfs *vfs, void *library) {
    (void)vfs;
    defaultVFS->xDlClose(defaultVFS, library);
}

static int framedRandomness(sqlite3_vfs *vfs, int size, char *output) {
    (void)vfs;
    return defaultVFS->xRandomness(defaultVFS, size, output);
}

static int framedSleep(sqlite3_vfs *vfs, int microseconds) {
    (void)vfs;
    return defaultVFS->xSleep(defaultVFS, microseconds);
}

static int framedCurrentTime(sqlite3_vfs *vfs, double *now) {
    (void)vfs;
    return defaultVFS->xCurrentTime(defaultVFS, now);
}

static int framedGetLastError(sqlite3_vfs *vfs, int size, char *message) {
    (void)vfs;
    return defaultVFS->xGetLastError(defaultVFS, size, message);
}

static int framedCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *now) {
    (void)vfs;
    return defaultVFS->xCurrentTimeInt64(defaultVFS, now);
}

static int framedSetSystemCall(sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr call) {
    (void)vfs;
    return defaultVFS->xSetSystemCall(defaultVFS, name, call);
}

static sqlite3_syscall_ptr framedGetSystemCall(sqlite3_vfs *vfs, const char *name) {
    (void)vfs;
    return defaultVFS->xGetSystemCall(defaultVFS, name);
}

static const char *framedNextSystemCall(sqlite3_vfs *vfs, const char *name) {
    (void)vfs;
    return defaultVFS->xNextSystemCall(defaultVFS, name);
}

static int registered = SQLITE_IOERR;
static pthread_once_t registration = PTHREAD_ONCE_INIT;

static void registerFramedVFS(void) {
    defaultVFS = sqlite_nio_sqlite3_vfs_find(NULL);
    // The default VFS of a Linux build is "unix", version 3; anything else is left alone.
    if (defaultVFS == NULL || defaultVFS->iVersion < 3) return;
    framedVFS = (sqlite3_vfs){
        .iVersion = 3,
        .szOsFile = (int)sizeof(WALFile) + defaultVFS->szOsFile,
        .mxPathname = defaultVFS->mxPathname,
        .zName = SESSIONDESK_SQLITE_VFS,
        .xOpen = framedOpen,
        .xDelete = framedDelete,
        .xAccess = framedAccess,
        .xFullPathname = framedFullPathname,
        .xDlOpen = framedDlOpen,
        .xDlError = framedDlError,
        .xDlSym = framedDlSym,
        .xDlClose = framedDlClose,
        .xRandomness = framedRandomness,
        .xSleep = framedSleep,
        .xCurrentTime = framedCurrentTime,
        .xGetLastError = framedGetLastError,
        .xCurrentTimeInt64 = framedCurrentTimeInt64,
        .xSetSystemCall = framedSetSystemCall,
        .xGetSystemCall = framedGetSystemCall,
        .xNextSystemCall = framedNextSystemCall,
    };
    registered = sqlite_nio_sqlite3_vfs_register(&framedVFS, 0);
}

int sessiondesk_sqlite_register_vfs(void) {
    pthread_once(&registration, registerFramedVFS);
    return registered;
}

long long sessiondesk_sqlite_joined_frames(void) {
    return atomic_load_explicit(&joinedFrames, memory_order_relaxed);
}
