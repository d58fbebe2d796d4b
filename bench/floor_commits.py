"""The store's own floor for bench/ingest.sh: SQL that makes sqlite3 write exactly the rows a fapiao
SQLite ledger holds (events, tree nodes, invoice rows, checkpoints, log head), with the same tables
and indexes, in the order the ledger wrote them and in the same transactions (one per signed
checkpoint, as the ledger's group commits were). Nothing is parsed, validated, hashed or decided:
what it costs is what SQLite alone costs for the ledger's writes.

Usage: floor_commits.py LEDGER.db STAGE.db OUT.sql
STAGE.db is built here (untimed): the ledger's rows keyed by the log index at which each was
written, so that every transaction's rows are one range scan. Single-tenant ledgers only (the
benchmark's). Run OUT.sql with sqlite3 on a fresh database file and time that.
"""
import os
import sqlite3
import sys

ledger, stage, out = sys.argv[1:4]
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(stage + suffix):
        os.remove(stage + suffix)

src = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)
tenants = [t for (t,) in src.execute("SELECT tenant FROM log_head")]
if len(tenants) != 1:
    sys.exit(f"floor_commits.py: needs a ledger of one tenant, found {len(tenants)}")
tables = ["tenants", "log_head", "events", "nodes", "invoices", "checkpoints"]
ddl = [sql for name, tbl, sql in src.execute(
    "SELECT name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table', 'index') ORDER BY type DESC")
    if tbl in tables]
sizes = [s for (s,) in src.execute("SELECT size FROM checkpoints ORDER BY size")]
src.close()

# Each row keyed by the log index that wrote it: an event by its index, an invoice row by its last
# event (the bench's invoices are written once), a tree node by the leaf that completed it.
st = sqlite3.connect(stage)
st.executescript(f"""
PRAGMA journal_mode=OFF;
ATTACH '{ledger}' AS l;
CREATE TABLE ev AS SELECT * FROM l.events ORDER BY idx;
CREATE INDEX ev_idx ON ev (idx);
CREATE TABLE inv AS SELECT * FROM l.invoices ORDER BY last_index;
CREATE INDEX inv_last ON inv (last_index);
CREATE TABLE nd AS SELECT *, ((idx + 1) << level) - 1 AS done FROM l.nodes ORDER BY done;
CREATE INDEX nd_done ON nd (done);
CREATE TABLE cp AS SELECT * FROM l.checkpoints ORDER BY size;
CREATE INDEX cp_size ON cp (size);
CREATE TABLE head AS SELECT * FROM l.log_head;
CREATE TABLE ten AS SELECT * FROM l.tenants;
""")
st.commit()
st.close()

with open(out, "w", encoding="utf-8") as f:
    f.write("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n")
    f.write(f"ATTACH '{stage}' AS s;\n")
    for sql in ddl:
        f.write(sql + ";\n")
    f.write("INSERT INTO tenants SELECT * FROM s.ten;\n")
    f.write("INSERT INTO log_head SELECT tenant, 0, x'', 1 FROM s.head;\n")
    before = 0
    for size in sizes:
        f.write("BEGIN IMMEDIATE;\n")
        f.write(f"INSERT INTO events SELECT * FROM s.ev WHERE idx >= {before} AND idx < {size};\n")
        f.write(f"INSERT INTO nodes SELECT tenant, level, idx, hash FROM s.nd WHERE done >= {before} AND done < {size};\n")
        f.write(f"INSERT INTO invoices SELECT * FROM s.inv WHERE last_index >= {before} AND last_index < {size};\n")
        f.write(f"INSERT INTO checkpoints SELECT * FROM s.cp WHERE size = {size};\n")
        f.write(f"UPDATE log_head SET size = {size}, frontier = (SELECT frontier FROM s.head) WHERE size = {before};\n")
        f.write("COMMIT;\n")
        before = size
