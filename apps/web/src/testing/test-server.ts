import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FalEmulator, startFalEmulator } from '@shotchain/fal-emulator'
import { createServer } from '@shotchain/server'

/** A real Shotchain server on a fresh state folder, with the starter workflow seeded. */
export interface TestServer {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string
  readonly home: string
  /** The fal emulator behind it: its counters (submits, cancels) and knobs (latencies). */
  readonly emulator: FalEmulator
  /** Stops the server and its emulator and removes the state folder. */
  close(): Promise<void>
}

/**
 * Starts the server in this process on a temp `SHOTCHAIN_HOME`, against a fast fal emulator
 * (never fal itself, whatever the environment says), serving `webDist` at `/` when given.
 */
export async function startTestServer(options: { webDist?: string } = {}): Promise<TestServer> {
  const home = await mkdtemp(join(tmpdir(), 'shotchain-web-'))
  const emulator = await startFalEmulator({
    queueLatencyMs: 20,
    runLatencyMs: 150,
    videoLongSide: 544,
    videoFps: 12,
  })
  const env = {
    PATH: process.env.PATH,
    SHOTCHAIN_HOME: home,
    SHOTCHAIN_FAL_EMULATOR_URL: emulator.url,
    // The packs a test names (absolute folders): the server loads the ones the app was built with.
    ...(process.env.SHOTCHAIN_PACKS ? { SHOTCHAIN_PACKS: process.env.SHOTCHAIN_PACKS } : {}),
  }
  const server = await createServer({
    env,
    port: 0,
    log: () => {},
    ...(options.webDist === undefined ? {} : { webDist: options.webDist }),
  })
  return {
    url: server.url,
    home,
    emulator,
    async close() {
      await server.close()
      await emulator.stop()
      await rm(home, { recursive: true, force: true })
    },
  }
}
