namespace Fapiao.PostgreSql;

/// <summary>
/// The schema: the SQLite store's tables in PostgreSQL types. Every table and every primary key
/// starts with the tenant, so each table can be distributed by tenant (Citus) with all of one
/// tenant's rows on one node; see docs/scaling.md. Keys sort in byte order (COLLATE "C") as the
/// verifier's ordinal merge expects, whatever the database's locale. Money is numeric (exact),
/// hashes and submitted bytes are bytea. Events, tree nodes, checkpoints and quarantine refuse
/// UPDATE, DELETE and TRUNCATE through triggers, so history cannot be rewritten by a stray
/// statement; only the owner dropping a trigger gets past them, and verify finds what that changes.
/// </summary>
internal static class PostgreSqlSchema
{
    public const int Version = 1;

    /// <summary>Holds the schema version (one row); its presence says the schema exists.</summary>
    public const string VersionTable = "fapiao_schema";

    public const string Create = """
        CREATE TABLE fapiao_schema (
            singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            version    integer NOT NULL
        );

        CREATE TABLE tenants (
            tenant      text COLLATE "C" PRIMARY KEY,
            created_at  timestamptz NOT NULL
        );

        CREATE TABLE log_head (
            tenant              text COLLATE "C" PRIMARY KEY REFERENCES tenants (tenant),
            size                bigint NOT NULL,
            frontier            bytea NOT NULL,
            next_quarantine_id  bigint NOT NULL
        );

        CREATE TABLE events (
            tenant     text COLLATE "C" NOT NULL,
            idx        bigint NOT NULL,
            kind       text NOT NULL,
            key        text COLLATE "C",
            at         timestamptz NOT NULL,
            leaf_hash  bytea NOT NULL,
            bytes      bytea NOT NULL,
            PRIMARY KEY (tenant, idx)
        );
        CREATE INDEX events_by_key ON events (tenant, key NULLS FIRST, idx);

        CREATE TABLE nodes (
            tenant  text COLLATE "C" NOT NULL,
            level   integer NOT NULL,
            idx     bigint NOT NULL,
            hash    bytea NOT NULL,
            PRIMARY KEY (tenant, level, idx)
        );

        CREATE TABLE checkpoints (
            tenant     text COLLATE "C" NOT NULL,
            size       bigint NOT NULL,
            root       bytea NOT NULL,
            at         timestamptz NOT NULL,
            body       text NOT NULL,
            signature  bytea NOT NULL,
            PRIMARY KEY (tenant, size)
        );

        CREATE TABLE invoices (
            tenant           text COLLATE "C" NOT NULL,
            key              text COLLATE "C" NOT NULL,
            state            text NOT NULL,
            type             text NOT NULL,
            issue_date       date NOT NULL,
            seller_tax_id    text,
            buyer_tax_id     text,
            amount           numeric,
            tax              numeric,
            total            numeric,
            red_letter_of    text COLLATE "C",
            content_hash     text NOT NULL,
            content_index    bigint NOT NULL,
            first_index      bigint NOT NULL,
            last_index       bigint NOT NULL,
            reversed_amount  numeric NOT NULL,
            reversed_tax     numeric NOT NULL,
            reversed_total   numeric NOT NULL,
            warnings         text NOT NULL,
            PRIMARY KEY (tenant, key)
        );
        CREATE INDEX invoices_red_letters ON invoices (tenant, red_letter_of) WHERE red_letter_of IS NOT NULL;

        CREATE TABLE quarantine (
            tenant      text COLLATE "C" NOT NULL,
            id          bigint NOT NULL,
            outcome     text NOT NULL,
            source      text NOT NULL,
            at          timestamptz NOT NULL,
            actor       text NOT NULL,
            key         text COLLATE "C",
            raw         bytea NOT NULL,
            raw_length  bigint NOT NULL,
            raw_sha256  bytea NOT NULL,
            problems    text NOT NULL,
            original_sha256  text COLLATE "C",
            original_place   text,
            PRIMARY KEY (tenant, id)
        );
        CREATE INDEX quarantine_by_key ON quarantine (tenant, key);

        CREATE FUNCTION fapiao_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
        END
        $$;

        CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
            FOR EACH ROW EXECUTE FUNCTION fapiao_refuse_change('events are append-only');
        CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
            FOR EACH STATEMENT EXECUTE FUNCTION fapiao_refuse_change('events are append-only');
        CREATE TRIGGER nodes_append_only BEFORE UPDATE OR DELETE ON nodes
            FOR EACH ROW EXECUTE FUNCTION fapiao_refuse_change('tree nodes are append-only');
        CREATE TRIGGER nodes_no_truncate BEFORE TRUNCATE ON nodes
            FOR EACH STATEMENT EXECUTE FUNCTION fapiao_refuse_change('tree nodes are append-only');
        CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON checkpoints
            FOR EACH ROW EXECUTE FUNCTION fapiao_refuse_change('checkpoints are append-only');
        CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints
            FOR EACH STATEMENT EXECUTE FUNCTION fapiao_refuse_change('checkpoints are append-only');
        CREATE TRIGGER quarantine_append_only BEFORE UPDATE OR DELETE ON quarantine
            FOR EACH ROW EXECUTE FUNCTION fapiao_refuse_change('quarantine is append-only');
        CREATE TRIGGER quarantine_no_truncate BEFORE TRUNCATE ON quarantine
            FOR EACH STATEMENT EXECUTE FUNCTION fapiao_refuse_change('quarantine is append-only');
        CREATE TRIGGER tenants_no_delete BEFORE DELETE ON tenants
            FOR EACH ROW EXECUTE FUNCTION fapiao_refuse_change('tenants are never deleted');
        CREATE TRIGGER tenants_no_truncate BEFORE TRUNCATE ON tenants
            FOR EACH STATEMENT EXECUTE FUNCTION fapiao_refuse_change('tenants are never deleted');

        -- Quarantine resolutions: a quarantined item linked to the quarantineResolved event of its
        -- corrected resubmission, written in the same transaction as the event; never changed.
        CREATE TABLE quarantine_resolutions (
            tenant         text COLLATE "C" NOT NULL,
            quarantine_id  bigint NOT NULL,
            event_idx      bigint NOT NULL,
            key            text COLLATE "C" NOT NULL,
            at             timestamptz NOT NULL,
            PRIMARY KEY (tenant, quarantine_id)
        );
        CREATE TRIGGER quarantine_resolutions_append_only BEFORE UPDATE OR DELETE ON quarantine_resolutions
            FOR EACH ROW EXECUTE FUNCTION fapiao_refuse_change('quarantine resolutions are append-only');
        CREATE TRIGGER quarantine_resolutions_no_truncate BEFORE TRUNCATE ON quarantine_resolutions
            FOR EACH STATEMENT EXECUTE FUNCTION fapiao_refuse_change('quarantine resolutions are append-only');

        -- ===== Reconciliation runs (fapiao reconcile) — kept apart to ease merging =====
        -- Bookkeeping, not history: a difference is closed by updating it (no append-only triggers).
        CREATE TABLE reconciliation_runs (
            tenant             text COLLATE "C" NOT NULL REFERENCES tenants(tenant),
            id                 bigint NOT NULL,
            at                 timestamptz NOT NULL,
            actor              text NOT NULL,
            left_name          text NOT NULL,
            left_sha256        text NOT NULL,
            left_count         bigint NOT NULL,
            right_name         text NOT NULL,
            right_sha256       text NOT NULL,
            right_count        bigint NOT NULL,
            period_from        date,
            period_to          date,
            matched            bigint NOT NULL,
            missing_in_ledger  bigint NOT NULL,
            missing_in_other   bigint NOT NULL,
            mismatched         bigint NOT NULL,
            duplicates         bigint NOT NULL,
            suggestions        bigint NOT NULL,
            unreadable         bigint NOT NULL,
            opened             bigint NOT NULL,
            closed             bigint NOT NULL,
            PRIMARY KEY (tenant, id)
        );

        CREATE TABLE reconciliation_differences (
            tenant         text COLLATE "C" NOT NULL,
            key            text COLLATE "C" NOT NULL,
            class          text NOT NULL,
            opened_run     bigint NOT NULL,
            issue_date     date,
            total          numeric,
            detail         text NOT NULL,
            last_seen_run  bigint NOT NULL,
            closed_run     bigint,
            PRIMARY KEY (tenant, key, class, opened_run)
        );
        CREATE INDEX reconciliation_open ON reconciliation_differences (tenant, closed_run, key);
        -- ===== end of reconciliation =====
        """;

    // ---- Accounts and idempotency (the HTTP service) -------------------------------------------
    // Created with IF NOT EXISTS on every start, so a ledger made before these tables came in gets
    // them too. api_keys and users are found by id or login name and are small: with Citus they
    // are reference tables. idempotency starts with the tenant like the ledger's tables.

    public const string Accounts = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id          text COLLATE "C" PRIMARY KEY,
            tenant      text COLLATE "C" NOT NULL REFERENCES tenants (tenant),
            role        text NOT NULL,
            key_sha256  bytea NOT NULL,
            created_at  timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS api_keys_by_tenant ON api_keys (tenant);

        CREATE TABLE IF NOT EXISTS users (
            name           text COLLATE "C" PRIMARY KEY,
            tenant         text COLLATE "C" NOT NULL REFERENCES tenants (tenant),
            role           text NOT NULL,
            password_hash  text NOT NULL,
            created_at     timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS users_by_tenant ON users (tenant);

        CREATE TABLE IF NOT EXISTS idempotency (
            tenant          text COLLATE "C" NOT NULL REFERENCES tenants (tenant),
            key             text COLLATE "C" NOT NULL,
            request_sha256  bytea NOT NULL,
            started_at      timestamptz NOT NULL,
            status          integer,
            content_type    text,
            body            bytea,
            PRIMARY KEY (tenant, key)
        );
        """;
}
