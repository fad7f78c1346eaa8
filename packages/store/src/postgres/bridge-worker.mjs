// The worker half of the synchronous PostgreSQL bridge (see sync-bridge.ts): it owns one `pg`
// connection, runs each request the calling thread posts, posts the answer back on the same
// port, then wakes the caller, which is blocked in Atomics.wait on `signal`.
import { workerData } from 'node:worker_threads'
import pg from 'pg'

/** int8 (counts, bigserial) as a number: the store's values stay far below 2^53. */
pg.types.setTypeParser(20, Number)

const { url, port, signal } = workerData
const flag = new Int32Array(signal)
const client = new pg.Client({ connectionString: url })
const connected = client.connect()
// A failed connect is answered to the first request; keep it from being an unhandled rejection.
connected.catch(() => {})

/** @param {object} message */
function answer(message) {
  port.postMessage(message)
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
}

/**
 * @typedef {{ close?: true, name?: string, text: string, values: unknown[] }} Request
 * @typedef {{ message?: string, code?: string, constraint?: string }} PgError
 */
port.on('message', async (/** @type {Request} */ request) => {
  try {
    await connected
    if (request.close) {
      await client.end()
      answer({ ok: true })
      return
    }
    const result = await client.query({
      name: request.name,
      text: request.text,
      values: request.values,
    })
    answer({ ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 })
  } catch (error) {
    const failure = /** @type {PgError} */ (error)
    answer({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      code: failure?.code,
      constraint: failure?.constraint,
    })
  }
})
