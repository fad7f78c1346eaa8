import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { getRequestListener } from '@hono/node-server'
import { createMediaTools } from '@shotchain/media'
import {
  appRegistry,
  connectFal,
  createFalServices,
  createMediaServices,
  falTargetFromEnv,
  loadPacks,
  openModelShelf,
  withPackServices,
} from '@shotchain/runtime'
import {
  createPollingFeed,
  lockHome,
  openStore,
  resolveDatabaseUrl,
  resolveHome,
} from '@shotchain/store'
import { answerClientError, answerUnreadableRequest } from '../http/answer-bad-request.ts'
import { createApp } from '../http/create-app.ts'
import { allowedHosts } from '../http/guard-origin.ts'
import { createPathHider } from '../http/hide-paths.ts'
import { createDetachableStore, settleSubmits } from '../runs/detachable-store.ts'
import { createLeaseKeeper } from '../runs/lease-keeper.ts'
import { createRunManager } from '../runs/run-manager.ts'
import { startTeamLoop } from '../runs/team-loop.ts'
import { readMaxNodes } from '../workflows/check-size.ts'
import { seedStarter } from '../workflows/seed-starter.ts'
import { readTeamSettings } from './team-settings.ts'

const REPO = resolve(import.meta.dirname, '../../../..')

/** How long a detaching stop waits for paid submits on the wire to get their request ids. */
const SUBMIT_GRACE_MS = 2_000
/** How long a detaching stop lets the fal connection (an embedded emulator) take to close. */
const FAL_CLOSE_MS = 1_000

/** What `close()` does with the runs executing in this process. */
export interface CloseOptions {
  /**
   * `cancel` (the default): cancel them, their fal jobs at fal too, and wait until they settle.
   * `detach`: leave them as a killed process would — fal jobs go on, journal entries stay, each
   * run stays `running` and the next start resumes it; returns within a few seconds whatever the
   * network does. See `createDetachableStore`.
   */
  readonly runs?: 'cancel' | 'detach'
}

export interface ServerOptions {
  /**
   * Read for `FAL_KEY`, `SHOTCHAIN_FAL_EMULATOR_URL`, `SHOTCHAIN_EMULATOR_KNOBS`, `SHOTCHAIN_HOME`,
   * `SHOTCHAIN_MAX_NODES`, `SHOTCHAIN_FAL_SCHEMA_URL` (where fal's model schemas are fetched),
   * `SHOTCHAIN_TEAM` and `SHOTCHAIN_LEASE_MS` (see `readTeamSettings`), `SHOTCHAIN_MEDIA_DIR`
   * (the media folder, default `<home>/media`; a team's processes may share one).
   */
  readonly env?: NodeJS.ProcessEnv
  /** 0 (the default) picks a free port. */
  readonly port?: number
  /** Default 127.0.0.1. */
  readonly host?: string
  /** The starter workflow seeded on a home's first start; default examples/three-shot-chain.json. */
  readonly starterPath?: string
  /** apps/web's build; default apps/web/dist. */
  readonly webDist?: string
  /** Concurrent fal jobs per run; default 2. */
  readonly falConcurrency?: number
  /** Where the packs `SHOTCHAIN_PACKS` names are found from (default: the working folder). */
  readonly packsFrom?: string
  readonly log?: (line: string) => void
}

/** A listening server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:5173` */
  readonly url: string
  readonly port: number
  /** `fal` when runs are billed by fal, else `offline-emulator`. */
  readonly fal: 'fal' | 'offline-emulator'
  /**
   * Stops listening, cancels (or detaches, see {@link CloseOptions}) the runs executing now,
   * closes the store and any embedded emulator, and releases the state folder's server lock.
   */
  close(options?: CloseOptions): Promise<void>
}

/**
 * Starts the Shotchain server in this process: one store (under `SHOTCHAIN_HOME`), one fal
 * gateway (an emulator started in-process when there is no `FAL_KEY`), the run manager — which
 * first resumes every run a previous process left unfinished — and the HTTP API.
 * @example
 * const server = await createServer({ env: process.env, port: 0 })
 * console.log(server.url)
 * await server.close()
 */
export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env
  const host = options.host ?? '127.0.0.1'
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const now = Date.now
  const maxNodes = readMaxNodes(env)
  // Node packs beside the built-in one: a bad pack stops the server before it takes the home.
  const packs = await loadPacks(env, options.packsFrom ?? process.cwd())
  const registry = appRegistry(packs)
  const home = resolveHome(env)
  const team = readTeamSettings(env)
  // Before anything else: a second server on this home must not resume (and pay for) its runs —
  // unless this is a team server, whose processes share the home and split its runs by lease.
  const lock = team.shared ? { describe() {}, release() {} } : lockHome(home, 'starting')
  let store: ReturnType<typeof openStore>
  let fal: Awaited<ReturnType<typeof connectFal>>
  try {
    store = openStore(home, {
      databaseUrl: resolveDatabaseUrl(env),
      ...(env.SHOTCHAIN_MEDIA_DIR ? { mediaDir: env.SHOTCHAIN_MEDIA_DIR } : {}),
      sharedMedia: team.shared,
    })
    try {
      fal = await connectFal(falTargetFromEnv(env), store)
    } catch (error) {
      store.close()
      throw error
    }
  } catch (error) {
    lock.release()
    throw error
  }
  const target = falTargetFromEnv(env)
  // Schemas fetched by id earlier register their nodes before any workflow is read.
  const models = await openModelShelf({
    home: store.home,
    registry,
    target,
    ...(env.SHOTCHAIN_FAL_SCHEMA_URL ? { schemaUrl: env.SHOTCHAIN_FAL_SCHEMA_URL } : {}),
  })
  const label = fal.gateway.mode === 'fal' ? 'fal' : 'offline-emulator'
  const root = store.media.root
  const mediaTools = createMediaTools()
  const media = createMediaServices(store, mediaTools, { baseDir: root, confineTo: root })
  const services = withPackServices({ media, fal: createFalServices(fal.gateway, store) }, packs)
  const hide = createPathHider(store.home)
  // Followers of a run executed here are woken by its appends; of another process's, by polling.
  const feed = createPollingFeed({ isLocal: (runId) => runs.isActive(runId) })
  const leases = createLeaseKeeper(store.runs, { leaseMs: team.leaseMs })
  const runStore = createDetachableStore(store, leases.lost)
  const runs = createRunManager({
    store: runStore.store,
    registry,
    services,
    imageFacts: media.readImageFacts,
    leases,
    feed,
    now,
    limits: { fal: options.falConcurrency ?? 2 },
    log,
    hide,
  })
  await seedStarter(
    store,
    registry,
    options.starterPath ?? resolve(REPO, 'examples/three-shot-chain.json'),
    now(),
  )
  let port = 0
  const app = createApp({
    store,
    runs,
    feed,
    registry,
    models,
    mediaTools,
    fal: label,
    hosts: () => [...allowedHosts(host, port), ...team.publicHosts],
    webDist: options.webDist ?? resolve(REPO, 'apps/web/dist'),
    now,
    log,
    hide,
    maxNodes,
  })
  const listener = getRequestListener(app.fetch, {
    hostname: host,
    errorHandler: answerUnreadableRequest,
  })
  // No Host is answered by the Host guard (a JSON 400) rather than by Node with an empty one.
  const server = createHttpServer({ requireHostHeader: false }, listener)
  server.on('clientError', answerClientError)
  server.listen(options.port ?? 0, host)
  try {
    await new Promise<void>((ok, fail) => {
      server.once('listening', ok)
      server.once('error', fail)
    })
  } catch (error) {
    // Nothing was resumed yet: a server that cannot listen must not execute anyone's runs.
    await fal.close()
    store.close()
    lock.release()
    throw error
  }
  port = (server.address() as AddressInfo).port
  // Only once the port is ours: a second server started on a busy port must not resume (and pay
  // for) the first one's runs.
  const resumed = await runs.resumeUnfinished()
  if (resumed > 0) log(`resuming ${resumed} unfinished run${resumed === 1 ? '' : 's'}`)
  // Runs whose process died while holding them are taken over once their leases run out.
  const teamLoop = startTeamLoop(leases, runs, team.heartbeatMs, log)
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host
  const url = `http://${urlHost}:${port}`
  lock.describe(url)
  let closing: Promise<void> | undefined
  return {
    url,
    port,
    fal: label,
    close(closeOptions = {}) {
      closing ??= (async () => {
        // Leases are still renewed while the runs executing here settle (a cancel can take seconds).
        teamLoop.stopTaking()
        const stopped = new Promise<void>((ok) => server.close(() => ok()))
        // Open SSE streams would hold the server open; their runs are ending or detached.
        server.closeAllConnections()
        if (closeOptions.runs === 'detach') {
          runStore.detach()
          await settleSubmits(store, runs.isActive, SUBMIT_GRACE_MS)
          // Another process of a team server takes these runs over at once, not after the lease.
          leases.releaseAll()
          await stopped
          // An emulator finishing a render must not hold the stop up; its jobs are kept on disk.
          await Promise.race([fal.close(), new Promise((ok) => setTimeout(ok, FAL_CLOSE_MS))])
        } else {
          await runs.close()
          await stopped
          await fal.close()
        }
        teamLoop.stop()
        feed.close()
        store.close()
        lock.release()
      })()
      return closing
    },
  }
}
