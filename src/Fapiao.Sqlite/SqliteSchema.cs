namespace Fapiao.Sqlite;

/// <summary>
/// The schema, keyed by tenant everywhere (the same shape the PostgreSQL store distributes by
/// tenant). Events, tree nodes, checkpoints and quarantine are append-only: triggers refuse any
/// UPDATE or DELETE, so not even a stray SQL statement can rewrite history.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE tenants (
            tenant      TEXT PRIMARY KEY,
            created_at  TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE log_head (
            tenant              TEXT PRIMARY KEY REFERENCES tenants(tenant),
            size                INTEGER NOT NULL,
            frontier            BLOB NOT NULL,
            next_quarantine_id  INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE events (
            tenant     TEXT NOT NULL,
            idx        INTEGER NOT NULL,
            kind       TEXT NOT NULL,
            key        TEXT,
            at         TEXT NOT NULL,
            leaf_hash  BLOB NOT NULL,
            bytes      BLOB NOT NULL,
            PRIMARY KEY (tenant, idx)
        );
        CREATE INDEX events_by_key ON events (tenant, key, idx);

        CREATE TABLE nodes (
            tenant  TEXT NOT NULL,
            level   INTEGER NOT NULL,
            idx     INTEGER NOT NULL,
            hash    BLOB NOT NULL,
            PRIMARY KEY (tenant, level, idx)
        ) WITHOUT ROWID;

        CREATE TABLE checkpoints (
            tenant     TEXT NOT NULL,
            size       INTEGER NOT NULL,
            root       BLOB NOT NULL,
            at         TEXT NOT NULL,
            body       TEXT NOT NULL,
            signature  BLOB NOT NULL,
            PRIMARY KEY (tenant, size)
        ) WITHOUT ROWID;

        CREATE TABLE invoices (
            tenant           TEXT NOT NULL,
            key              TEXT NOT NULL,
            state            TEXT NOT NULL,
            type             TEXT NOT NULL,
            issue_date       TEXT NOT NULL,
            seller_tax_id    TEXT,
            buyer_tax_id     TEXT,
            amount           TEXT,
            tax              TEXT,
            total            TEXT,
            red_letter_of    TEXT,
            content_hash     TEXT NOT NULL,
            content_index    INTEGER NOT NULL,
            first_index      INTEGER NOT NULL,
            last_index       INTEGER NOT NULL,
            reversed_amount  TEXT NOT NULL,
            reversed_tax     TEXT NOT NULL,
            reversed_total   TEXT NOT NULL,
            warnings         TEXT NOT NULL,
            PRIMARY KEY (tenant, key)
        ) WITHOUT ROWID;
        CREATE INDEX invoices_red_letters ON invoices (tenant, red_letter_of) WHERE red_letter_of IS NOT NULL;

        CREATE TABLE quarantine (
            tenant      TEXT NOT NULL,
            id          INTEGER NOT NULL,
            outcome     TEXT NOT NULL,
            source      TEXT NOT NULL,
            at          TEXT NOT NULL,
            actor       TEXT NOT NULL,
            key         TEXT,
            raw         BLOB NOT NULL,
            raw_length  INTEGER NOT NULL,
            raw_sha256  BLOB NOT NULL,
            problems    TEXT NOT NULL,
            original_sha256  TEXT,
            original_place   TEXT,
            PRIMARY KEY (tenant, id)
        );
        CREATE INDEX quarantine_by_key ON quarantine (tenant, key);

        CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER nodes_no_update BEFORE UPDATE ON nodes BEGIN SELECT RAISE(ABORT, 'tree nodes are append-only'); END;
        CREATE TRIGGER nodes_no_delete BEFORE DELETE ON nodes BEGIN SELECT RAISE(ABORT, 'tree nodes are append-only'); END;
        CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
        CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
        CREATE TRIGGER quarantine_no_update BEFORE UPDATE ON quarantine BEGIN SELECT RAISE(ABORT, 'quarantine is append-only'); END;
        CREATE TRIGGER quarantine_no_delete BEFORE DELETE ON quarantine BEGIN SELECT RAISE(ABORT, 'quarantine is append-only'); END;
        CREATE TRIGGER tenants_no_delete BEFORE DELETE ON tenants BEGIN SELECT RAISE(ABORT, 'tenants are never deleted'); END;

        -- Quarantine resolutions: a quarantined item linked to the quarantineResolved event of its
        -- corrected resubmission, written in the same transaction as the event; never changed.
        CREATE TABLE quarantine_resolutions (
            tenant         TEXT NOT NULL,
            quarantine_id  INTEGER NOT NULL,
            event_idx      INTEGER NOT NULL,
            key            TEXT NOT NULL,
            at             TEXT NOT NULL,
            PRIMARY KEY (tenant, quarantine_id)
        ) WITHOUT ROWID;
        CREATE TRIGGER quarantine_resolutions_no_update BEFORE UPDATE ON quarantine_resolutions BEGIN SELECT RAISE(ABORT, 'quarantine resolutions are append-only'); END;
        CREATE TRIGGER quarantine_resolutions_no_delete BEFORE DELETE ON quarantine_resolutions BEGIN SELECT RAISE(ABORT, 'quarantine resolutions are append-only'); END;

        -- ===== Reconciliation runs (fapiao reconcile) — kept apart to ease merging =====
        -- Runs and their differences are bookkeeping, not history: a difference is closed by
        -- updating it, so these tables have no append-only triggers.
        CREATE TABLE reconciliation_runs (
            tenant             TEXT NOT NULL REFERENCES tenants(tenant),
            id                 INTEGER NOT NULL,
            at                 TEXT NOT NULL,
            actor              TEXT NOT NULL,
            left_name          TEXT NOT NULL,
            left_sha256        TEXT NOT NULL,
            left_count         INTEGER NOT NULL,
            right_name         TEXT NOT NULL,
            right_sha256       TEXT NOT NULL,
            right_count        INTEGER NOT NULL,
            period_from        TEXT,
            period_to          TEXT,
            matched            INTEGER NOT NULL,
            missing_in_ledger  INTEGER NOT NULL,
            missing_in_other   INTEGER NOT NULL,
            mismatched         INTEGER NOT NULL,
            duplicates         INTEGER NOT NULL,
            suggestions        INTEGER NOT NULL,
            unreadable         INTEGER NOT NULL,
            opened             INTEGER NOT NULL,
            closed             INTEGER NOT NULL,
            PRIMARY KEY (tenant, id)
        ) WITHOUT ROWID;

        CREATE TABLE reconciliation_differences (
            tenant         TEXT NOT NULL,
            key            TEXT NOT NULL,
            class          TEXT NOT NULL,
            opened_run     INTEGER NOT NULL,
            issue_date     TEXT,
            total          TEXT,
            detail         TEXT NOT NULL,
            last_seen_run  INTEGER NOT NULL,
            closed_run     INTEGER,
            PRIMARY KEY (tenant, key, class, opened_run)
        ) WITHOUT ROWID;
        CREATE INDEX reconciliation_open ON reconciliation_differences (tenant, closed_run, key);
        -- ===== end of reconciliation =====
        """;

    // ---- Accounts and idempotency (the HTTP service) -------------------------------------------
    // Created with IF NOT EXISTS on every start, so a ledger made before these tables came in gets
    // them too. API keys and users are found by id or login name, not by tenant: each row names
    // its tenant. Idempotency records are per tenant and kept (they are small: one response each).

    public const string Accounts = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id          TEXT PRIMARY KEY,
            tenant      TEXT NOT NULL REFERENCES tenants(tenant),
            role        TEXT NOT NULL,
            key_sha256  BLOB NOT NULL,
            created_at  TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS api_keys_by_tenant ON api_keys (tenant);

        CREATE TABLE IF NOT EXISTS users (
            name           TEXT PRIMARY KEY,
            tenant         TEXT NOT NULL REFERENCES tenants(tenant),
            role           TEXT NOT NULL,
            password_hash  TEXT NOT NULL,
            created_at     TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS users_by_tenant ON users (tenant);

        CREATE TABLE IF NOT EXISTS idempotency (
            tenant          TEXT NOT NULL REFERENCES tenants(tenant),
            key             TEXT NOT NULL,
            request_sha256  BLOB NOT NULL,
            started_at      TEXT NOT NULL,
            status          INTEGER,
            content_type    TEXT,
            body            BLOB,
            PRIMARY KEY (tenant, key)
        ) WITHOUT ROWID;
        """;
}
