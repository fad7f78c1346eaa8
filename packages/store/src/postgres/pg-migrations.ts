import type { Migration } from '../db/migrations.ts'
import type { SyncBridge } from './sync-bridge.ts'

/**
 * The PostgreSQL schema, step for step the same as SQLite's `MIGRATIONS` (same tables, columns
 * and constraints, in PostgreSQL's words): step n here is step n there, so both report the same
 * version. REAL is DOUBLE PRECISION (SQLite's REAL is 8 bytes), and each table whose rows are
 * listed in insertion order has a `rowid` (SQLite's implicit one made explicit, kept last so a
 * positional INSERT leaves it to its default). To change the schema, append a step to both lists.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    name: 'cache, journal and uploads',
    sql: `
      CREATE TABLE cache_entries (
        cache_key  TEXT PRIMARY KEY,
        node_type  TEXT NOT NULL,
        outputs    TEXT NOT NULL,
        created_at DOUBLE PRECISION NOT NULL
      );
      CREATE TABLE journal_entries (
        cache_key  TEXT PRIMARY KEY,
        state      TEXT NOT NULL CHECK (state IN ('submitting', 'submitted')),
        node_id    TEXT NOT NULL,
        run_id     TEXT NOT NULL,
        request_id TEXT,
        at         DOUBLE PRECISION NOT NULL,
        rowid      BIGSERIAL NOT NULL,
        CHECK ((state = 'submitted') = (request_id IS NOT NULL))
      );
      CREATE TABLE uploads (
        hash TEXT PRIMARY KEY,
        url  TEXT NOT NULL,
        at   DOUBLE PRECISION NOT NULL
      );
    `,
  },
  {
    name: 'workflows, runs, node runs and the run event log',
    sql: `
      CREATE TABLE workflows (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        doc        TEXT NOT NULL,
        revision   INTEGER NOT NULL CHECK (revision >= 1),
        created_at DOUBLE PRECISION NOT NULL,
        updated_at DOUBLE PRECISION NOT NULL
      );
      CREATE INDEX workflows_by_update ON workflows (updated_at);
      CREATE TABLE runs (
        id           TEXT PRIMARY KEY,
        workflow_id  TEXT NOT NULL,
        doc          TEXT NOT NULL,
        targets      TEXT,
        status       TEXT NOT NULL
                     CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
        estimate_usd DOUBLE PRECISION NOT NULL,
        spent_usd    DOUBLE PRECISION,
        created_at   DOUBLE PRECISION NOT NULL,
        finished_at  DOUBLE PRECISION,
        resubmit     TEXT NOT NULL DEFAULT '[]',
        rowid        BIGSERIAL NOT NULL,
        CHECK ((status = 'running') = (finished_at IS NULL))
      );
      CREATE INDEX runs_by_workflow ON runs (workflow_id, created_at);
      CREATE INDEX runs_by_status ON runs (status, created_at);
      CREATE TABLE node_runs (
        run_id     TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        node_id    TEXT NOT NULL,
        status     TEXT NOT NULL,
        request_id TEXT,
        error      TEXT,
        updated_at DOUBLE PRECISION NOT NULL,
        rowid      BIGSERIAL NOT NULL,
        PRIMARY KEY (run_id, node_id)
      );
      CREATE TABLE run_events (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq    INTEGER NOT NULL CHECK (seq >= 1),
        event  TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
    `,
  },
  {
    name: 'spends: every paid submit, recorded as it is made; each run’s budget',
    sql: `
      ALTER TABLE runs ADD COLUMN budget_usd DOUBLE PRECISION;
      CREATE TABLE spends (
        run_id     TEXT NOT NULL,
        node_id    TEXT NOT NULL,
        cache_key  TEXT NOT NULL,
        request_id TEXT,
        usd        DOUBLE PRECISION NOT NULL CHECK (usd >= 0),
        at         DOUBLE PRECISION NOT NULL,
        rowid      BIGSERIAL NOT NULL
      );
      CREATE INDEX spends_by_run ON spends (run_id);
      CREATE INDEX spends_by_request ON spends (request_id);
    `,
  },
  {
    name: 'run leases: which server process executes a run, and until when',
    sql: `
      ALTER TABLE runs ADD COLUMN lease_owner TEXT;
      ALTER TABLE runs ADD COLUMN lease_until DOUBLE PRECISION;
      ALTER TABLE runs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
    `,
  },
]

/** The advisory lock key migrations hold, so two processes never migrate at once. */
const MIGRATION_LOCK = 7_001_733

/**
 * Brings the database up to the last step of `migrations`, in one transaction holding an advisory
 * lock (a second process opening the database at once waits, then finds it migrated). The version
 * is the one row of `schema_version`. Throws when the database was written by a newer Shotchain.
 * @returns the schema version after migrating.
 */
export function migratePg(
  bridge: SyncBridge,
  migrations: readonly Migration[] = PG_MIGRATIONS,
): number {
  bridge.query('BEGIN')
  try {
    bridge.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    bridge.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
    const row = bridge.query('SELECT version FROM schema_version').rows[0]
    const current = row === undefined ? 0 : (row.version as number)
    if (current > migrations.length)
      throw new Error(
        `store: the database is at schema version ${current}, newer than this Shotchain knows (${migrations.length}); upgrade Shotchain`,
      )
    for (const step of migrations.slice(current)) bridge.query(step.sql)
    if (row === undefined)
      bridge.query('INSERT INTO schema_version (version) VALUES ($1)', [migrations.length])
    else bridge.query('UPDATE schema_version SET version = $1', [migrations.length])
    bridge.query('COMMIT')
    return migrations.length
  } catch (error) {
    try {
      bridge.query('ROLLBACK')
    } catch {}
    throw error
  }
}
