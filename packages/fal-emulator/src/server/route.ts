import type { IncomingMessage } from 'node:http'
import type { RouteName } from '../config/knobs.ts'
import type { Reply } from './reply.ts'
import type { Target } from './resolve-target.ts'

/** A matched request: the route name (for faults and stats) and how to answer it. */
export interface Route {
  /** Undefined for requests no fault knob applies to (errors, the stats route). */
  readonly name: RouteName | undefined
  /** Whether `requireAuth` applies (fal's own API calls, not uploads' PUT or the CDN). */
  readonly needsAuth: boolean
  handle(req: IncomingMessage, target: Target): Promise<Reply>
}

/** A route that answers `reply` whatever the request. */
export function fixedRoute(reply: Reply): Route {
  return { name: undefined, needsAuth: false, handle: async () => reply }
}
