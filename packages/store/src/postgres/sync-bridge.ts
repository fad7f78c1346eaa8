import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads'

/** A query's answer through the bridge. */
export interface BridgeResult {
  readonly rows: Record<string, unknown>[]
  /** Rows the statement wrote (or returned). */
  readonly rowCount: number
}

/** One PostgreSQL connection answering synchronously. */
export interface SyncBridge {
  /**
   * Runs `text` with `$1…` bound to `values`, blocking this thread until PostgreSQL answers.
   * `name` prepares the statement once on the connection. Throws an Error with PostgreSQL's
   * SQLSTATE as `sqlState` (and the violated `constraint`) when PostgreSQL refuses it.
   */
  query(text: string, values?: readonly unknown[], name?: string): BridgeResult
  /** Ends the connection (and the worker, once no connection is left). Safe to call twice. */
  close(): void
}

/** How long one call may wait for its answer before the bridge gives up. */
const ANSWER_TIMEOUT_MS = 60_000

type Answer =
  | { ok: true; rows?: Record<string, unknown>[]; rowCount?: number }
  | { ok: false; message: string; code?: string; constraint?: string }

interface Thread {
  readonly worker: Worker
  readonly port: MessagePort
  readonly flag: Int32Array
  readonly open: Set<number>
}

let thread: Thread | undefined
let connections = 0

/** The worker all of this thread's connections share, started on first use. */
function sharedThread(): Thread {
  if (thread !== undefined) return thread
  const signal = new SharedArrayBuffer(4)
  const { port1, port2 } = new MessageChannel()
  const worker = new Worker(new URL('./bridge-worker.mjs', import.meta.url), {
    workerData: { port: port2, signal },
    transferList: [port2],
  })
  // A store left open must not keep the process alive.
  worker.unref()
  port1.unref()
  thread = { worker, port: port1, flag: new Int32Array(signal), open: new Set() }
  return thread
}

let calls = 0

/**
 * Posts `request` to the worker and blocks until it answers. Answers carry their call's number: a
 * late answer to a call that timed out is dropped, never taken for this call's.
 */
function call(t: Thread, request: object, timeoutMs = ANSWER_TIMEOUT_MS): Answer {
  const seq = ++calls
  Atomics.store(t.flag, 0, 0)
  t.worker.postMessage({ ...request, seq })
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const received = receiveMessageOnPort(t.port)
    if (received !== undefined) {
      const answer = received.message as Answer & { seq: number }
      if (answer.seq === seq) return answer
      continue
    }
    const left = deadline - Date.now()
    if (left <= 0 || Atomics.wait(t.flag, 0, 0, left) === 'timed-out')
      throw new Error(`postgres: no answer in ${timeoutMs / 1000} s`)
    Atomics.store(t.flag, 0, 0)
  }
}

function failure(answer: Extract<Answer, { ok: false }>): Error {
  const error = new Error(`postgres: ${answer.message}`) as Error & {
    sqlState?: string
    constraint?: string
  }
  if (answer.code !== undefined) error.sqlState = answer.code
  if (answer.constraint !== undefined) error.constraint = answer.constraint
  return error
}

/** Ends the worker once its last connection closed. */
function release(t: Thread, id: number): void {
  t.open.delete(id)
  if (t.open.size > 0 || thread !== t) return
  thread = undefined
  t.port.close()
  void t.worker.terminate()
}

/**
 * Connects to the PostgreSQL database at `url`, answering synchronously as SQLite does: one
 * worker thread owns the asynchronous `pg` connections; each call posts its query to the worker
 * and blocks in `Atomics.wait` until the worker posts the answer and wakes it. A connection's
 * calls are serialized, so `BEGIN … COMMIT` through it is one transaction. Throws when the
 * database cannot be reached.
 */
export function openSyncBridge(
  url: string,
  options: { readonly answerTimeoutMs?: number } = {},
): SyncBridge {
  const timeoutMs = options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS
  const t = sharedThread()
  const id = ++connections
  t.open.add(id)
  const opened = call(t, { id, open: url })
  if (!opened.ok) {
    release(t, id)
    throw failure(opened)
  }
  let closed = false
  return {
    query(text, values = [], name) {
      if (closed) throw new Error('postgres: the connection is closed')
      const answer = call(t, { id, text, values, name }, timeoutMs)
      if (answer.ok) return { rows: answer.rows ?? [], rowCount: answer.rowCount ?? 0 }
      throw failure(answer)
    },
    close() {
      if (closed) return
      closed = true
      try {
        call(t, { id, close: true })
      } finally {
        release(t, id)
      }
    },
  }
}
