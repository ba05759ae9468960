"""Opens a copy of a SessionDesk SQLite database and its WAL with Python's own SQLite, which
recovers the WAL frame by frame and stops at the first frame whose checksum does not hold.
Prints JSON: the frames in the WAL file, the frames recovered, the integrity check and the rows of
`notes`."""

import json
import os
import sqlite3
import sys

path = sys.argv[1]
size = os.path.getsize(path + "-wal")
connection = sqlite3.connect(path)
page_size = connection.execute("PRAGMA page_size").fetchone()[0]
rows, body_bytes = connection.execute("SELECT count(*), coalesce(sum(length(body)), 0) FROM notes").fetchone()
integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
# (busy, frames in the log, frames checkpointed): the log's frames are the ones recovery accepted.
_, recovered, _ = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
print(json.dumps({
    "walFrames": (size - 32) // (24 + page_size),
    "recovered": recovered,
    "integrity": integrity,
    "rows": rows,
    "bodyBytes": body_bytes,
}))
