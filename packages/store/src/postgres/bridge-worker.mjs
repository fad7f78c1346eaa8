// The worker half of the synchronous PostgreSQL bridge (see sync-bridge.ts): it owns the `pg`
// connections of its process's bridges, runs each request the calling thread posts on the
// connection it names, posts the answer back on `port`, then wakes the caller, which is blocked
// in Atomics.wait on `signal`.
import { parentPort, workerData } from 'node:worker_threads'
import pg from 'pg'

/** int8 (counts, bigserial) as a number: the store's values stay far below 2^53. */
pg.types.setTypeParser(20, Number)

const { port, signal } = workerData
const flag = new Int32Array(signal)

/**
 * A connection; `lost` once the server closed it (a restart, a failover), so the next request
 * connects again — unless a transaction was open on it, which only a ROLLBACK may follow.
 * @typedef {{ url: string, client: Promise<pg.Client>, lost: boolean, inTransaction: boolean }} Connection
 * @type {Map<number, Connection>}
 */
const connections = new Map()

/** @param {object} message */
function answer(message) {
  port.postMessage(message)
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
}

/**
 * @param {Connection} connection
 * @returns {Promise<pg.Client>}
 */
async function connect(connection) {
  const client = new pg.Client({ connectionString: connection.url })
  const lose = () => {
    connection.lost = true
  }
  client.on('error', lose)
  client.on('end', lose)
  try {
    await client.connect()
  } catch (error) {
    lose()
    throw error
  }
  return client
}

/**
 * Whether `error` means the connection is gone: no SQLSTATE (a socket error), a connection
 * exception (08…) or the server shutting the session down (57P…).
 * @param {PgError} error
 */
function isConnectionLoss(error) {
  const code = error?.code
  return code === undefined || /^(08|57P)/.test(code) || /^E[A-Z]+$/.test(code)
}

/**
 * Starts connecting `connection` (again); a failure is answered to the request that awaits it.
 * @param {Connection} connection
 */
function reconnect(connection) {
  connection.lost = false
  connection.client = connect(connection)
  connection.client.catch(() => {})
}

/**
 * The client to run `text` on, connecting again after a loss.
 * @param {Connection} connection
 * @param {string} text
 */
async function clientFor(connection, text) {
  const verb = text.trimStart().slice(0, 8).toUpperCase()
  if (connection.lost) {
    if (connection.inTransaction && !verb.startsWith('ROLLBACK'))
      throw new Error('the connection was lost inside a transaction; it was rolled back')
    connection.inTransaction = false
    reconnect(connection)
    if (verb.startsWith('ROLLBACK')) return undefined
  }
  if (verb.startsWith('BEGIN')) connection.inTransaction = true
  else if (verb.startsWith('COMMIT') || verb.startsWith('ROLLBACK'))
    connection.inTransaction = false
  return connection.client
}

/**
 * @typedef {{ id: number, seq: number, open?: string, close?: true, name?: string, text: string, values: unknown[] }} Request
 * @typedef {{ message?: string, code?: string, constraint?: string }} PgError
 */
parentPort?.on('message', async (/** @type {Request} */ request) => {
  // Each answer names its call, so one that comes after its caller gave up is never taken for
  // the next call's.
  /** @param {object} message */
  const reply = (message) => answer({ ...message, seq: request.seq })
  try {
    if (request.open !== undefined) {
      const fields = { url: request.open, lost: false, inTransaction: false }
      const connection = /** @type {Connection} */ (fields)
      reconnect(connection)
      connections.set(request.id, connection)
      await connection.client
      reply({ ok: true })
      return
    }
    const connection = connections.get(request.id)
    if (connection === undefined) throw new Error(`no connection ${request.id}`)
    if (request.close) {
      connections.delete(request.id)
      if (!connection.lost) await (await connection.client).end()
      reply({ ok: true })
      return
    }
    const client = await clientFor(connection, request.text)
    if (client === undefined) {
      reply({ ok: true, rows: [], rowCount: 0 })
      return
    }
    const query = { name: request.name, text: request.text, values: request.values }
    const result = await client.query(query).catch((error) => {
      if (isConnectionLoss(error)) {
        connection.lost = true
        // Ending it rolls back whatever it had open, should the server still hold it.
        client.end().catch(() => {})
      }
      throw error
    })
    reply({ ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 })
  } catch (error) {
    if (request.open !== undefined) connections.delete(request.id)
    const failure = /** @type {PgError} */ (error)
    reply({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      code: failure?.code,
      constraint: failure?.constraint,
    })
  }
})
