import type { SqliteDatabase } from './sqlite.ts'

/**
 * One schema step. Steps run in order, each once, inside the same transaction as the
 * `user_version` bump, so a crash never leaves a half-migrated file.
 */
export interface Migration {
  /** What the step adds, for people reading the list. */
  readonly name: string
  readonly sql: string
}

/**
 * The schema, oldest step first. To change it, append a step; never edit or reorder a shipped one
 * (a file's `user_version` is the number of steps it has run).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'cache, journal and uploads',
    sql: `
      CREATE TABLE cache_entries (
        cache_key  TEXT PRIMARY KEY,
        node_type  TEXT NOT NULL,
        outputs    TEXT NOT NULL,
        created_at REAL NOT NULL
      ) STRICT;
      CREATE TABLE journal_entries (
        cache_key  TEXT PRIMARY KEY,
        state      TEXT NOT NULL CHECK (state IN ('submitting', 'submitted')),
        node_id    TEXT NOT NULL,
        run_id     TEXT NOT NULL,
        request_id TEXT,
        at         REAL NOT NULL,
        CHECK ((state = 'submitted') = (request_id IS NOT NULL))
      ) STRICT;
      CREATE TABLE uploads (
        hash TEXT PRIMARY KEY,
        url  TEXT NOT NULL,
        at   REAL NOT NULL
      ) STRICT;
    `,
  },
  {
    // runs.workflow_id has no foreign key on purpose: a run keeps its own snapshot of the
    // document, so deleting a workflow must leave its runs (and what they paid for) readable.
    name: 'workflows, runs, node runs and the run event log',
    sql: `
      CREATE TABLE workflows (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        doc        TEXT NOT NULL,
        revision   INTEGER NOT NULL CHECK (revision >= 1),
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
      ) STRICT;
      CREATE INDEX workflows_by_update ON workflows (updated_at);
      CREATE TABLE runs (
        id           TEXT PRIMARY KEY,
        workflow_id  TEXT NOT NULL,
        doc          TEXT NOT NULL,
        targets      TEXT,
        status       TEXT NOT NULL
                     CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
        estimate_usd REAL NOT NULL,
        spent_usd    REAL,
        created_at   REAL NOT NULL,
        finished_at  REAL,
        resubmit     TEXT NOT NULL DEFAULT '[]',
        CHECK ((status = 'running') = (finished_at IS NULL))
      ) STRICT;
      CREATE INDEX runs_by_workflow ON runs (workflow_id, created_at);
      CREATE INDEX runs_by_status ON runs (status, created_at);
      CREATE TABLE node_runs (
        run_id     TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        node_id    TEXT NOT NULL,
        status     TEXT NOT NULL,
        request_id TEXT,
        error      TEXT,
        updated_at REAL NOT NULL,
        PRIMARY KEY (run_id, node_id)
      ) STRICT;
      CREATE TABLE run_events (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq    INTEGER NOT NULL CHECK (seq >= 1),
        event  TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    name: 'spends: every paid submit, recorded as it is made; each run’s budget',
    sql: `
      ALTER TABLE runs ADD COLUMN budget_usd REAL;
      CREATE TABLE spends (
        run_id     TEXT NOT NULL,
        node_id    TEXT NOT NULL,
        cache_key  TEXT NOT NULL,
        request_id TEXT,
        usd        REAL NOT NULL CHECK (usd >= 0),
        at         REAL NOT NULL
      ) STRICT;
      CREATE INDEX spends_by_run ON spends (run_id);
      CREATE INDEX spends_by_request ON spends (request_id);
    `,
  },
  {
    // A run's lease: the server process executing it (host:pid:random) and until when. A process
    // renews its leases every few seconds; a run whose lease ran out is taken over by another.
    // A cancel asked of another process is left on the row for the holder to carry out.
    name: 'run leases: which server process executes a run, and until when',
    sql: `
      ALTER TABLE runs ADD COLUMN lease_owner TEXT;
      ALTER TABLE runs ADD COLUMN lease_until REAL;
      ALTER TABLE runs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
    `,
  },
]

/**
 * Brings the database up to the last step of `migrations`. Safe when two processes open the same
 * file at once: the version is read under a write lock (`BEGIN IMMEDIATE`), so only one runs each
 * step. Throws when the file was written by a newer Shotchain (more steps than this one knows).
 * @returns the schema version after migrating.
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): number {
  return db.immediate(() => {
    const current = db.pragma('user_version') as number
    if (current > migrations.length)
      throw new Error(
        `store: the database is at schema version ${current}, newer than this Shotchain knows (${migrations.length}); upgrade Shotchain`,
      )
    for (const step of migrations.slice(current)) db.exec(step.sql)
    // PRAGMA takes no bound parameters; the value is a number we computed.
    if (current < migrations.length) db.pragma(`user_version = ${migrations.length}`)
    return migrations.length
  })
}
