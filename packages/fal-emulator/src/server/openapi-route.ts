import { CATALOG_ENTRIES } from '@shotchain/fal-catalog'
import { falError, json } from './reply.ts'
import type { Target } from './resolve-target.ts'
import { fixedRoute, type Route } from './route.ts'

/** Where fal serves an endpoint's schema (on `fal.ai`); the emulator serves it at the same path. */
export const OPENAPI_PATH = '/api/openapi/queue/openapi.json'

/**
 * `GET /api/openapi/queue/openapi.json?endpoint_id=ID`: the fal catalog's OpenAPI document of
 * that endpoint, with no key needed, like fal. 404 `{detail}` for an id the catalog does not
 * bundle, 400 without an id. Returns undefined for other paths.
 */
export function matchOpenApiRoute(method: string, target: Target): Route | undefined {
  if (target.host !== 'local' || target.path.replace(/\/+$/, '') !== OPENAPI_PATH) return undefined
  if (method !== 'GET' && method !== 'HEAD') return fixedRoute(falError(405, 'Method Not Allowed'))
  const id = target.query.get('endpoint_id')
  if (id === null || id === '') {
    return fixedRoute(falError(400, 'Query parameter endpoint_id is required'))
  }
  const entry = CATALOG_ENTRIES.find((e) => e.endpointId === id)
  if (entry === undefined) return fixedRoute(falError(404, `Endpoint ${id} not found`))
  return fixedRoute(json(200, entry.openapi))
}
