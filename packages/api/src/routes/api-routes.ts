import { z } from 'zod'
import { addModelRequest, modelList, modelSummary } from '../schemas/models.ts'
import {
  cancelAccepted,
  draftEstimateRequest,
  estimateRequest,
  resubmitAccepted,
  resubmitRequest,
  runDetail,
  runList,
  runPlan,
  runStarted,
  startRunRequest,
} from '../schemas/runs.ts'
import { serverStatus } from '../schemas/status.ts'
import { uploadedMedia } from '../schemas/uploads.ts'
import {
  createWorkflowRequest,
  savedWorkflow,
  updateWorkflowRequest,
  workflowList,
} from '../schemas/workflows.ts'

/** @public */
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * One route of the JSON API: its method and path (`:name` is one path segment), the schema of
 * its JSON request body (none: no body is read, or it is not JSON), the status of its success
 * and the schema of that answer's body. Refusals answer any status ≥ 400 with an `errorBody`.
 * @public
 */
export interface ApiRoute<
  Response extends z.ZodType = z.ZodType,
  Request extends z.ZodType | undefined = z.ZodType | undefined,
> {
  readonly method: ApiMethod
  readonly path: `/api/${string}`
  readonly request: Request
  readonly status: number
  readonly response: Response
}

const route = <Response extends z.ZodType, Request extends z.ZodType | undefined>(
  r: ApiRoute<Response, Request>,
) => r

/** No body: 204. */
const empty = z.undefined()

/**
 * The routes of `apps/server`'s JSON API (its README says what each does). The server validates
 * request bodies with these schemas; its tests and the web parse every answer with them.
 * The run event stream and `/media/:hash` are not JSON: see `runEventJson`.
 * @example
 * const answer = readAnswer(apiRoutes.getWorkflow, response.status, await response.text())
 * if (answer.kind === 'ok') open(answer.value.doc)
 * @public
 */
export const apiRoutes = {
  status: route({
    method: 'GET',
    path: '/api/status',
    request: undefined,
    status: 200,
    response: serverStatus,
  }),
  listModels: route({
    method: 'GET',
    path: '/api/models',
    request: undefined,
    status: 200,
    response: modelList,
  }),
  addModel: route({
    method: 'POST',
    path: '/api/models',
    request: addModelRequest,
    status: 201,
    response: modelSummary,
  }),
  listWorkflows: route({
    method: 'GET',
    path: '/api/workflows',
    request: undefined,
    status: 200,
    response: workflowList,
  }),
  getWorkflow: route({
    method: 'GET',
    path: '/api/workflows/:id',
    request: undefined,
    status: 200,
    response: savedWorkflow,
  }),
  createWorkflow: route({
    method: 'POST',
    path: '/api/workflows',
    request: createWorkflowRequest,
    status: 201,
    response: savedWorkflow,
  }),
  updateWorkflow: route({
    method: 'PUT',
    path: '/api/workflows/:id',
    request: updateWorkflowRequest,
    status: 200,
    response: savedWorkflow,
  }),
  deleteWorkflow: route({
    method: 'DELETE',
    path: '/api/workflows/:id',
    request: undefined,
    status: 204,
    response: empty,
  }),
  /** The body is the image's or sound's bytes (or a multipart form with a `file` field), not JSON. */
  upload: route({
    method: 'POST',
    path: '/api/uploads',
    request: undefined,
    status: 201,
    response: uploadedMedia,
  }),
  estimate: route({
    method: 'POST',
    path: '/api/workflows/:id/estimate',
    request: estimateRequest,
    status: 200,
    response: runPlan,
  }),
  estimateDraft: route({
    method: 'POST',
    path: '/api/estimate',
    request: draftEstimateRequest,
    status: 200,
    response: runPlan,
  }),
  startRun: route({
    method: 'POST',
    path: '/api/workflows/:id/runs',
    request: startRunRequest,
    status: 201,
    response: runStarted,
  }),
  listRuns: route({
    method: 'GET',
    path: '/api/workflows/:id/runs',
    request: undefined,
    status: 200,
    response: runList,
  }),
  getRun: route({
    method: 'GET',
    path: '/api/runs/:id',
    request: undefined,
    status: 200,
    response: runDetail,
  }),
  /** Any body is ignored. */
  cancelRun: route({
    method: 'POST',
    path: '/api/runs/:id/cancel',
    request: undefined,
    status: 202,
    response: cancelAccepted,
  }),
  resubmit: route({
    method: 'POST',
    path: '/api/runs/:id/resubmit',
    request: resubmitRequest,
    status: 202,
    response: resubmitAccepted,
  }),
} as const

/** @public */
export type ApiRouteName = keyof typeof apiRoutes

/** The body of a route's success, as its schema gives it. @public */
export type ApiResponse<R extends ApiRoute> = z.output<R['response']>

/** The JSON body a route reads, as a client writes it; `undefined` for a route that reads none. @public */
export type ApiRequest<R extends ApiRoute> = R['request'] extends z.ZodType
  ? z.input<R['request']>
  : undefined

/**
 * The URL path of `route` with each `:name` replaced by `params[name]`, URL-encoded. Throws when
 * a param is missing (a bug of the caller).
 * @example
 * pathOf(apiRoutes.getRun, { id: 'r 1' }) // → '/api/runs/r%201'
 * @public
 */
export function pathOf(route: ApiRoute, params: Readonly<Record<string, string>> = {}): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`pathOf ${route.path}: no value for :${name}`)
    return encodeURIComponent(value)
  })
}

/**
 * The route that answers `method` on `path` (without its query), or undefined when the contract
 * has none.
 * @public
 */
export function matchRoute(method: string, path: string): ApiRoute | undefined {
  const segments = path.split('/')
  return Object.values(apiRoutes).find((r) => {
    if (r.method !== method.toUpperCase()) return false
    const pattern = r.path.split('/')
    if (pattern.length !== segments.length) return false
    return pattern.every((p, i) => (p.startsWith(':') ? segments[i] !== '' : p === segments[i]))
  })
}
