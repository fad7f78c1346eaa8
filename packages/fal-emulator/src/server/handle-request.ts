import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorKnobs } from '../config/knobs.ts'
import type { EmulatorLogger } from '../config/logger.ts'
import type { EndpointSpec } from '../endpoints/endpoint.ts'
import type { FaultInjector } from '../faults/fault-injector.ts'
import { faultReply } from '../faults/fault-reply.ts'
import type { JobQueue } from '../queue/job-queue.ts'
import { matchQueueRoute } from '../queue/queue-routes.ts'
import type { StatsRecorder } from '../stats/emulator-stats.ts'
import type { FileStore } from '../storage/file-store.ts'
import { matchStorageRoute } from '../storage/storage-routes.ts'
import {
  type AccessRules,
  allowedOriginOf,
  refuseByHostOrOrigin,
  refuseByKey,
} from './access-rules.ts'
import { type AdminDeps, matchAdminRoute } from './admin-routes.ts'
import { setCorsHeaders } from './cors.ts'
import { matchOpenApiRoute } from './openapi-route.ts'
import { BodyTooLargeError } from './read-body.ts'
import { falError, json, type Reply, writeReply } from './reply.ts'
import { resolveTarget, type Target } from './resolve-target.ts'
import { fixedRoute, type Route } from './route.ts'

/** Everything the router dispatches to. */
export interface RouterDeps {
  readonly knobs: () => EmulatorKnobs
  readonly queue: JobQueue
  readonly endpoints: ReadonlyMap<string, EndpointSpec>
  readonly store: FileStore
  readonly faults: FaultInjector
  readonly stats: StatsRecorder
  readonly admin: AdminDeps
  readonly logger: EmulatorLogger
  readonly access: AccessRules
}

// @fal-ai/server-proxy answers a missing or unusable x-fal-target-url with this JSON string.
const INVALID_REQUEST = json(400, 'Invalid request')

function matchRoute(method: string, target: Target, deps: RouterDeps): Route {
  if (target.host === 'queue.fal.run') return matchQueueRoute(method, target, deps)
  if (target.host === 'rest.fal.ai' && target.path.replace(/\/+$/, '') === '/tokens') {
    // Streaming with connectionMode 'client' asks for a token first, then sends it as
    // `fal_jwt_token` on a bare fetch; the emulator's one token stands in for fal's JWTs.
    const token = json(200, deps.access.streamToken)
    return { name: undefined, auth: 'key', handle: async () => token }
  }
  if (target.host === 'fal.run') {
    return fixedRoute(falError(404, 'The fal emulator serves the queue API only (queue.fal.run)'))
  }
  const route =
    matchOpenApiRoute(method, target) ??
    matchStorageRoute(method, target, deps.store) ??
    matchAdminRoute(method, target, deps.admin)
  if (route !== undefined) return route
  if (target.via === 'direct' && target.path.replace(/\/+$/, '').endsWith('/proxy')) {
    return fixedRoute(INVALID_REQUEST)
  }
  return fixedRoute(falError(404, 'Not Found'))
}

function refuseByAuth(
  req: IncomingMessage,
  route: Route,
  target: Target,
  deps: RouterDeps,
): Reply | undefined {
  const { access } = deps
  if (route.auth === 'admin' && access.apiKey !== undefined) return refuseByKey(req, access)
  if (route.auth !== 'key' || !deps.knobs().requireAuth) return undefined
  if (target.query.get('fal_jwt_token') === access.streamToken) return undefined
  return refuseByKey(req, access)
}

async function answer(
  req: IncomingMessage,
  route: Route,
  target: Target,
  deps: RouterDeps,
): Promise<Reply | 'drop'> {
  const fault = route.name === undefined ? undefined : deps.faults.pick(route.name)
  if (route.name !== undefined) {
    deps.stats.request(route.name)
    if (fault !== undefined) deps.stats.fault(route.name)
  }
  if (fault === 'dropBefore') return 'drop'
  if (typeof fault === 'number') return faultReply(fault)
  const refused = refuseByAuth(req, route, target, deps)
  if (refused !== undefined) return refused
  const reply = await route.handle(req, target)
  return fault === 'dropAfter' ? 'drop' : reply
}

/**
 * Creates the HTTP handler: Host and Origin rules, CORS, target resolution (proxy header or
 * host-prefixed path), fault injection, the key check, then the queue, OpenAPI schema, storage,
 * CDN and admin routes.
 */
export function createRequestHandler(deps: RouterDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const method = (req.method ?? 'GET').toUpperCase()
    setCorsHeaders(req, res, allowedOriginOf(req, deps.access))
    const refused = refuseByHostOrOrigin(req, method, deps.access)
    if (refused !== undefined) {
      // Unread body bytes would otherwise hold the keep-alive connection.
      res.setHeader('connection', 'close')
      writeReply(res, refused)
      return
    }
    if (method === 'OPTIONS') {
      writeReply(res, { kind: 'empty', status: 204 })
      return
    }
    const header = req.headers['x-fal-target-url']
    const target = resolveTarget(req.url ?? '/', Array.isArray(header) ? header[0] : header)
    if (target === undefined) {
      writeReply(res, INVALID_REQUEST)
      return
    }
    answer(req, matchRoute(method, target, deps), target, deps).then(
      (reply) => {
        if (reply === 'drop') req.socket.destroy()
        else writeReply(res, reply)
      },
      (error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          writeReply(res, falError(413, error.message))
          return
        }
        deps.logger.error('fal emulator: request failed', { url: req.url, error: String(error) })
        if (res.headersSent) res.destroy()
        else writeReply(res, falError(500, `Emulator error: ${String(error)}`, 'internal_error'))
      },
    )
  }
}
