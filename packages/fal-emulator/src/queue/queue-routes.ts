import type { EndpointSpec } from '../endpoints/endpoint.ts'
import { parseJsonBody, readBody } from '../server/read-body.ts'
import { falError, json, type Reply } from '../server/reply.ts'
import type { Target } from '../server/resolve-target.ts'
import { fixedRoute, type Route } from '../server/route.ts'
import { type Job, queueUrls, statusBody } from './job.ts'
import type { JobQueue } from './job-queue.ts'
import { statusStreamReply } from './status-stream.ts'

/** What the queue routes need. */
export interface QueueRouteDeps {
  readonly queue: JobQueue
  readonly endpoints: ReadonlyMap<string, EndpointSpec>
}

// Inputs may inline images as data URIs; fal's own limit is larger still.
const MAX_INPUT_BYTES = 64 * 1024 * 1024
// fal's queue namespaces that prefix owner/alias in URLs.
const NAMESPACES = new Set(['workflows', 'comfy'])

function requestIdHeader(job: Job) {
  return { 'x-fal-request-id': job.id }
}

function submitRoute(endpointId: string, deps: QueueRouteDeps): Route {
  const endpoint = deps.endpoints.get(endpointId)
  if (endpoint === undefined) {
    const [owner = '', alias = ''] = endpointId.split('/')
    const knownApp = [...deps.endpoints.keys()].some((id) => id.startsWith(`${owner}/${alias}/`))
    return fixedRoute(
      knownApp ? falError(404, 'Not Found') : falError(404, `Application "${alias}" not found`),
    )
  }
  return {
    name: 'submit',
    auth: 'key',
    async handle(req, target) {
      const body = parseJsonBody(await readBody(req, MAX_INPUT_BYTES))
      const input =
        body === undefined
          ? undefined
          : 'value' in body
            ? { kind: 'json' as const, value: body.value }
            : { kind: 'invalid' as const, text: body.invalid }
      const timeout = Number(req.headers['x-fal-request-timeout'])
      const job = await deps.queue.submit(endpoint, input, {
        webhookUrl: target.query.get('fal_webhook') ?? undefined,
        startTimeoutSec: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
      })
      const reply = {
        status: 'IN_QUEUE',
        request_id: job.id,
        ...queueUrls(job),
        queue_position: deps.queue.position(job),
      }
      return json(200, reply, requestIdHeader(job))
    },
  }
}

function resultReply(job: Job): Reply {
  if (job.outcome === undefined) {
    return json(400, { detail: 'Request is still in progress' }, requestIdHeader(job))
  }
  return json(job.outcome.status, job.outcome.body, {
    ...job.outcome.headers,
    ...requestIdHeader(job),
  })
}

function requestRoute(
  method: string,
  app: string,
  id: string,
  action: string,
  deps: QueueRouteDeps,
): Route {
  const find = () => deps.queue.find(app, id)
  const notFound = falError(404, 'Request not found')
  const key = `${method} ${action}`
  if (key === 'GET ' || key === 'GET status' || key === 'GET status/stream') {
    const name = action === '' ? 'result' : action === 'status' ? 'status' : 'stream'
    return {
      name,
      auth: 'key',
      async handle(_req, target) {
        const job = find()
        if (job === undefined) return notFound
        if (name === 'result') return resultReply(job)
        const withLogs = target.query.get('logs') === '1'
        if (name === 'stream') return statusStreamReply(job, deps.queue, withLogs)
        const body = statusBody(job, deps.queue.position(job), withLogs ? [...job.logs] : null)
        return json(job.state === 'COMPLETED' ? 200 : 202, body, requestIdHeader(job))
      },
    }
  }
  if (key === 'PUT cancel') {
    return {
      name: 'cancel',
      auth: 'key',
      async handle() {
        const job = find()
        if (job === undefined) return json(404, { status: 'NOT_FOUND' })
        const outcome = deps.queue.cancel(job)
        return json(
          outcome === 'ALREADY_COMPLETED' ? 400 : 202,
          { status: outcome },
          requestIdHeader(job),
        )
      },
    }
  }
  return fixedRoute(falError(405, 'Method Not Allowed'))
}

/**
 * Matches a request to `queue.fal.run`: POST `/<endpoint id>` submits; `/<owner>/<alias>/requests/<id>`
 * with `/status`, `/status/stream` (GET), `/cancel` (PUT) or nothing (GET, the result) reach
 * the job by request id, whatever sub-path follows the alias.
 */
export function matchQueueRoute(method: string, target: Target, deps: QueueRouteDeps): Route {
  const segments = target.path.split('/').filter((s) => s !== '')
  const offset = NAMESPACES.has(segments[0] ?? '') ? 1 : 0
  const requestsAt = segments.indexOf('requests', offset + 2)
  if (requestsAt >= 0 && method !== 'POST') {
    const app = segments.slice(offset, offset + 2).join('/')
    const id = segments[requestsAt + 1] ?? ''
    return requestRoute(method, app, id, segments.slice(requestsAt + 2).join('/'), deps)
  }
  if (method !== 'POST') return fixedRoute(falError(405, 'Method Not Allowed'))
  return submitRoute(segments.join('/'), deps)
}
