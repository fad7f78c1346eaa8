import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMediaTools, probeImageBytes } from '@shotchain/media'
import { DEFAULT_KNOBS, type EmulatorKnobs, type KnobsInput, mergeKnobs } from '../config/knobs.ts'
import { type EmulatorLogger, silentLogger } from '../config/logger.ts'
import { createEndpointRegistry } from '../endpoints/endpoint-registry.ts'
import { toolkitError } from '../endpoints/fal-errors.ts'
import type { EmulatorMedia } from '../endpoints/media-port.ts'
import { createFaultInjector } from '../faults/fault-injector.ts'
import { openJobFiles } from '../queue/job-files.ts'
import { createJobQueue } from '../queue/job-queue.ts'
import { createStatsRecorder, type EmulatorStats } from '../stats/emulator-stats.ts'
import { createFileStore } from '../storage/file-store.ts'
import { lockFolder } from '../storage/folder-lock.ts'
import { type AccessRules, isLoopbackHost, LOOPBACK_ORIGINS } from './access-rules.ts'
import { createRequestHandler } from './handle-request.ts'

/** How to start the emulator; every knob may be given here too. */
export interface FalEmulatorOptions extends KnobsInput {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  /** Interface to bind; 127.0.0.1 unless told otherwise. */
  host?: string
  /**
   * Base URL put into `upload_url`, `file_url` and output URLs, when clients reach the emulator
   * by another address than the one it binds (a container, a tunnel); its own URL by default.
   */
  publicUrl?: string
  /**
   * Where uploads, outputs and jobs live; a fresh temp folder (removed on stop) by default. A
   * given folder is kept: an emulator started on it again serves its files and answers its
   * request ids (running jobs run again to the end). One emulator at a time per folder.
   */
  storageDir?: string
  logger?: EmulatorLogger
  /** Media tools; `@shotchain/media` by default. */
  media?: EmulatorMedia
  /** The fetch used to download inputs and deliver webhooks; the global fetch by default. */
  fetch?: typeof fetch
  /**
   * A per-process secret: fal routes take only `Authorization: Key <apiKey>` (while
   * `requireAuth` is on) and the `/_emulator/*` control routes need it too. Any key when unset.
   */
  apiKey?: string
  /**
   * Host names (no port) accepted in the Host header besides loopback ones and `publicUrl`'s.
   * Checked only when bound to a loopback interface (the DNS-rebinding case); `'any'` turns it off.
   */
  allowedHosts?: readonly string[] | 'any'
  /**
   * Browser origins accepted (`http://localhost:5173`), or `'loopback'` for any page served from
   * this machine (the default). `[]` refuses every request that carries an Origin.
   */
  allowedOrigins?: readonly string[]
}

/** A running emulator. */
export interface FalEmulator {
  /** Base URL, e.g. `http://127.0.0.1:43123`, without a trailing slash. */
  readonly url: string
  readonly storageDir: string
  /** Current counters (a copy). */
  stats(): EmulatorStats
  resetStats(): void
  /** Changes knobs from now on; returns them all. Throws a RangeError for impossible values. */
  configure(knobs: KnobsInput): EmulatorKnobs
  knobs(): EmulatorKnobs
  /**
   * Stops serving, aborts running jobs, closes connections and removes a temp storage folder. A
   * given folder keeps the jobs as they were, as after a kill: the next emulator resumes them.
   */
  stop(): Promise<void>
}

const DEFAULT_FORCED_422 = [toolkitError(['start_image_url'], 'image_load_error', null)]

function accessRules(options: FalEmulatorOptions, host: string): AccessRules {
  const { allowedHosts = [], allowedOrigins = [LOOPBACK_ORIGINS], publicUrl } = options
  const names = allowedHosts === 'any' ? [] : allowedHosts.map((h) => h.toLowerCase())
  if (publicUrl !== undefined) names.push(new URL(publicUrl).hostname.toLowerCase())
  // Bound to a wider interface, the operator chose who reaches it; DNS rebinding aims at loopback.
  const checkHost = allowedHosts !== 'any' && isLoopbackHost(host)
  return {
    apiKey: options.apiKey,
    streamToken: randomBytes(18).toString('base64url'),
    hosts: checkHost ? new Set(names) : 'any',
    origins: new Set(allowedOrigins),
  }
}

/**
 * Starts a local HTTP server that speaks fal's queue, storage and CDN protocol, so the unmodified
 * `@fal-ai/client` can run against it (see `emulatorFetch` and the README for wiring).
 * Rejects when the port cannot be bound or a knob is out of range.
 *
 * @example
 * ```ts
 * const emulator = await startFalEmulator({ queueLatencyMs: 10, runLatencyMs: 50 })
 * const fal = createFalClient({ credentials: 'test-key', fetch: emulatorFetch(emulator.url) })
 * const { data } = await fal.subscribe('fal-ai/kling-video/o1/standard/image-to-video', { input })
 * await emulator.stop()
 * ```
 */
export async function startFalEmulator(options: FalEmulatorOptions = {}): Promise<FalEmulator> {
  const { port = 0, host = '127.0.0.1', logger = silentLogger, fetch: fetchImpl = fetch } = options
  let knobs = mergeKnobs(DEFAULT_KNOBS, options)
  const ownsDir = options.storageDir === undefined
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), 'fal-emulator-')))
  await mkdir(storageDir, { recursive: true })
  const unlock = ownsDir ? async () => {} : await lockFolder(storageDir)
  // Job scratch folders a killed emulator left behind.
  await rm(join(storageDir, 'tmp'), { recursive: true, force: true })
  const saved = await openJobFiles(storageDir)
  let baseUrl = ''
  const publicUrl = () => options.publicUrl?.replace(/\/+$/, '') ?? baseUrl
  const store = await createFileStore(storageDir, publicUrl)
  const media = options.media ?? { ...createMediaTools(), probeImageBytes }
  const stats = createStatsRecorder()
  const faults = createFaultInjector(() => knobs)
  faults.script(knobs.faultScript)
  const endpoints = createEndpointRegistry()
  const takeForced422 = () => {
    if (knobs.force422 <= 0) return undefined
    knobs = { ...knobs, force422: knobs.force422 - 1 }
    return knobs.force422Detail ?? DEFAULT_FORCED_422
  }
  const queue = createJobQueue({
    knobs: () => knobs,
    media,
    store,
    fetch: fetchImpl,
    logger,
    endpoints,
    stats,
    takeForced422,
    files: saved.files,
    restored: saved.jobs,
  })

  const configure = (input: KnobsInput): EmulatorKnobs => {
    knobs = mergeKnobs(knobs, input)
    if (input.seed !== undefined) faults.reseed(input.seed)
    if (input.faultScript !== undefined) faults.script(input.faultScript)
    queue.pump()
    return knobs
  }
  const admin = {
    stats: () => stats.snapshot(queue.counts()),
    resetStats: () => stats.reset(),
    configure,
    knobs: () => knobs,
  }
  const access = accessRules(options, host)
  const server = createServer(
    createRequestHandler({
      knobs: () => knobs,
      queue,
      endpoints,
      store,
      faults,
      stats,
      admin,
      logger,
      access,
    }),
  )
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  baseUrl = `http://${shownHost}:${address.port}`
  logger.info('fal emulator listening', { url: baseUrl, storageDir, jobs: saved.jobs.length })
  queue.resume()

  return {
    url: baseUrl,
    storageDir,
    ...admin,
    async stop() {
      await queue.stop()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      await unlock()
      if (ownsDir) await rm(storageDir, { recursive: true, force: true })
    },
  }
}
