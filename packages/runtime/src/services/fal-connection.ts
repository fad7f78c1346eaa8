import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { createFalGateway, createMemoryUploadCache, type FalGateway } from '@shotchain/fal'
import {
  emulatorFetch,
  type FalEmulator,
  FolderInUseError,
  type KnobsInput,
  startFalEmulator,
} from '@shotchain/fal-emulator'
import type { Store } from '@shotchain/store'
import type { FalTarget } from './fal-target.ts'

const refuseFetch = (() =>
  Promise.reject(new Error('this command does not call fal'))) as typeof fetch

/** A gateway to the fal a process talks to, and the emulator it started for it, if any. */
export interface FalConnection {
  readonly gateway: FalGateway
  /** The emulator started in this process (no key, no emulator url), to stop with the connection. */
  readonly emulator: FalEmulator | undefined
  /**
   * Where the embedded emulator keeps its jobs and files (`<home>/emulator`), so a process
   * started again after a kill re-attaches to its requests; undefined when it could not (another
   * process of this home holds that folder: this one's jobs then end with it).
   */
  readonly emulatorFolder: string | undefined
  /** Stops the embedded emulator, if any. Safe to call twice. */
  close(): Promise<void>
}

/**
 * Starts the in-process emulator on `<home>/emulator`, or on a temp folder while another
 * process of the same home serves that one. Only this process knows its key (`apiKey`), and no
 * browser origin is let in: a web page that finds the port can neither submit nor reconfigure.
 */
async function startEmbedded(knobs: KnobsInput, home: string, key: string) {
  const options = { ...knobs, apiKey: key, allowedOrigins: [] }
  const folder = join(home, 'emulator')
  try {
    return { emulator: await startFalEmulator({ ...options, storageDir: folder }), folder }
  } catch (error) {
    if (!(error instanceof FolderInUseError)) throw error
    return { emulator: await startFalEmulator(options), folder: undefined }
  }
}

/**
 * Connects to `target`: real fal with its key (uploads remembered in the store), an emulator at a
 * url, or an emulator started in this process. With `withFal: false` nothing is ever sent (for
 * validate and estimate): no emulator is started and every request is refused. One connection
 * serves every run of a process.
 */
export async function connectFal(
  target: FalTarget,
  store: Store,
  options: { readonly withFal?: boolean } = {},
): Promise<FalConnection> {
  const mode = target.kind === 'fal' ? 'fal' : 'emulator'
  const none = { emulator: undefined, emulatorFolder: undefined, close }
  if (options.withFal === false) {
    return { gateway: createFalGateway({ mode, fetch: refuseFetch }), ...none }
  }
  if (target.kind === 'fal') {
    const gateway = createFalGateway({ mode, credentials: target.key, uploads: store.uploads })
    return { gateway, ...none }
  }
  if (target.kind === 'emulator-url') {
    const gateway = createFalGateway({
      mode,
      credentials: target.key ?? 'emulator',
      fetch: emulatorFetch(target.url),
      pollIntervalMs: 250,
      uploads: store.uploads,
    })
    return { gateway, ...none }
  }
  const key = randomBytes(24).toString('base64url')
  const { emulator, folder } = await startEmbedded(target.knobs, store.home, key)
  const gateway = createFalGateway({
    mode,
    credentials: key,
    fetch: emulatorFetch(emulator.url),
    pollIntervalMs: 250,
    // The emulator's address changes with each process: its upload URLs must not outlive it.
    uploads: createMemoryUploadCache(),
  })
  let stopped = false
  return {
    gateway,
    emulator,
    emulatorFolder: folder,
    async close() {
      if (stopped) return
      stopped = true
      await emulator.stop()
    },
  }
}

async function close(): Promise<void> {}
