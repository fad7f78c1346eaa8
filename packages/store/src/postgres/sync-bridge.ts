import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads'

/** A query's answer through the bridge. */
export interface BridgeResult {
  readonly rows: Record<string, unknown>[]
  /** Rows the statement wrote (or returned). */
  readonly rowCount: number
}

/** What PostgreSQL (or the connection) refused, with its SQLSTATE `code` when it has one. */
export type BridgeError = Error & { readonly sqlState?: string; readonly constraint?: string }

/** One PostgreSQL connection answering synchronously. */
export interface SyncBridge {
  /**
   * Runs `text` with `$1…` bound to `values`, blocking this thread until PostgreSQL answers.
   * `name` prepares the statement once on the connection. Throws a {@link BridgeError}.
   */
  query(text: string, values?: readonly unknown[], name?: string): BridgeResult
  /** Ends the connection and the worker. Safe to call twice. */
  close(): void
}

/** How long one call may wait for its answer before the bridge gives up. */
const ANSWER_TIMEOUT_MS = 60_000

type Answer =
  | { ok: true; rows?: Record<string, unknown>[]; rowCount?: number }
  | { ok: false; message: string; code?: string; constraint?: string }

/**
 * Opens a connection to the PostgreSQL database at `url` that answers synchronously, as SQLite
 * does: a worker thread owns the asynchronous `pg` client; each call posts its query to the
 * worker and blocks in `Atomics.wait` until the worker posts the answer and wakes it. Calls are
 * therefore serialized on one connection, so `BEGIN … COMMIT` through it is one transaction.
 */
export function openSyncBridge(url: string): SyncBridge {
  const signal = new SharedArrayBuffer(4)
  const flag = new Int32Array(signal)
  const { port1, port2 } = new MessageChannel()
  const worker = new Worker(new URL('./bridge-worker.mjs', import.meta.url), {
    workerData: { url, port: port2, signal },
    transferList: [port2],
  })
  // A store left open must not keep the process alive.
  worker.unref()
  port1.unref()
  let closed = false

  function call(request: object): Answer {
    if (closed) throw new Error('postgres: the connection is closed')
    Atomics.store(flag, 0, 0)
    port1.postMessage(request)
    if (Atomics.wait(flag, 0, 0, ANSWER_TIMEOUT_MS) === 'timed-out')
      throw new Error(`postgres: no answer in ${ANSWER_TIMEOUT_MS / 1000} s`)
    const received = receiveMessageOnPort(port1)
    if (received === undefined) throw new Error('postgres: woken without an answer')
    return received.message as Answer
  }

  return {
    query(text, values = [], name) {
      const answer = call({ text, values, name })
      if (answer.ok) return { rows: answer.rows ?? [], rowCount: answer.rowCount ?? 0 }
      const error = new Error(`postgres: ${answer.message}`) as Error & {
        sqlState?: string
        constraint?: string
      }
      if (answer.code !== undefined) error.sqlState = answer.code
      if (answer.constraint !== undefined) error.constraint = answer.constraint
      throw error
    },
    close() {
      if (closed) return
      try {
        call({ close: true })
      } finally {
        closed = true
        port1.close()
        void worker.terminate()
      }
    },
  }
}
