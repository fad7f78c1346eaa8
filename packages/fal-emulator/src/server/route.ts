import type { IncomingMessage } from 'node:http'
import type { RouteName } from '../config/knobs.ts'
import type { Reply } from './reply.ts'
import type { Target } from './resolve-target.ts'

/** A matched request: the route name (for faults and stats) and how to answer it. */
export interface Route {
  /** Undefined for requests no fault knob applies to (errors, the stats route). */
  readonly name: RouteName | undefined
  /**
   * `key`: fal's own API calls, which need `Authorization: Key …` while `requireAuth` is on (not
   * the upload PUT or the CDN: fal's client sends those bare). `admin`: the emulator's control
   * routes, which need the emulator's `apiKey` whenever it has one. `none`: anyone.
   */
  readonly auth: 'key' | 'admin' | 'none'
  handle(req: IncomingMessage, target: Target): Promise<Reply>
}

/** A route that answers `reply` whatever the request. */
export function fixedRoute(reply: Reply): Route {
  return { name: undefined, auth: 'none', handle: async () => reply }
}
