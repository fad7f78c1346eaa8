// The worker half of the synchronous PostgreSQL bridge (see sync-bridge.ts): it owns the `pg`
// connections of its process's bridges, runs each request the calling thread posts on the
// connection it names, posts the answer back, then wakes the caller, which is blocked in
// Atomics.wait on `signal`.
import { parentPort, workerData } from 'node:worker_threads'
import pg from 'pg'

/** int8 (counts, bigserial) as a number: the store's values stay far below 2^53. */
pg.types.setTypeParser(20, Number)

const { port, signal } = workerData
const flag = new Int32Array(signal)
/** @type {Map<number, Promise<pg.Client>>} */
const connections = new Map()

/** @param {object} message */
function answer(message) {
  port.postMessage(message)
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
}

/**
 * @param {string} url
 * @returns {Promise<pg.Client>}
 */
async function connect(url) {
  const client = new pg.Client({ connectionString: url })
  // A connection lost later is reported by the next query on it, not as an uncaught error.
  client.on('error', () => {})
  await client.connect()
  return client
}

/**
 * @typedef {{ id: number, open?: string, close?: true, name?: string, text: string, values: unknown[] }} Request
 * @typedef {{ message?: string, code?: string, constraint?: string }} PgError
 */
parentPort?.on('message', async (/** @type {Request} */ request) => {
  try {
    if (request.open !== undefined) {
      const connecting = connect(request.open)
      connections.set(request.id, connecting)
      await connecting
      answer({ ok: true })
      return
    }
    const client = await connections.get(request.id)
    if (client === undefined) throw new Error(`no connection ${request.id}`)
    if (request.close) {
      connections.delete(request.id)
      await client.end()
      answer({ ok: true })
      return
    }
    const query = { name: request.name, text: request.text, values: request.values }
    const result = await client.query(query)
    answer({ ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 })
  } catch (error) {
    if (request.open !== undefined) connections.delete(request.id)
    const failure = /** @type {PgError} */ (error)
    answer({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      code: failure?.code,
      constraint: failure?.constraint,
    })
  }
})
