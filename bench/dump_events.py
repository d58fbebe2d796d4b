"""Writes the stored event bytes of a fapiao SQLite ledger, in log order, to one file: the input of
the sha256sum baseline for verify in bench/ingest.sh."""
import sqlite3
import sys

db, out = sys.argv[1:3]
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
with open(out, "wb") as f:
    for (data,) in con.execute("SELECT bytes FROM events ORDER BY tenant, idx"):
        f.write(data)
