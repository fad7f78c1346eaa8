import type { EmulatorKnobs, KnobsInput } from '../config/knobs.ts'
import type { EmulatorStats } from '../stats/emulator-stats.ts'
import { parseJsonBody, readBody } from './read-body.ts'
import { falError, json } from './reply.ts'
import type { Target } from './resolve-target.ts'
import { fixedRoute, type Route } from './route.ts'

/** What the `/_emulator/*` routes control. */
export interface AdminDeps {
  stats(): EmulatorStats
  resetStats(): void
  configure(knobs: KnobsInput): EmulatorKnobs
  knobs(): EmulatorKnobs
}

/**
 * The emulator's own control routes, never faulted: `GET /_emulator/stats`,
 * `POST /_emulator/reset-stats`, `GET /_emulator/knobs`, `POST /_emulator/configure` (JSON knobs).
 * Returns undefined for other paths.
 */
export function matchAdminRoute(
  method: string,
  target: Target,
  deps: AdminDeps,
): Route | undefined {
  if (target.host !== 'local' || !target.path.startsWith('/_emulator/')) return undefined
  return { ...adminRoute(method, target, deps), auth: 'admin' }
}

function adminRoute(method: string, target: Target, deps: AdminDeps): Route {
  const key = `${method} ${target.path}`
  if (key === 'GET /_emulator/stats') return fixedRoute(json(200, deps.stats()))
  if (key === 'GET /_emulator/knobs') return fixedRoute(json(200, deps.knobs()))
  if (key === 'POST /_emulator/reset-stats') {
    return {
      name: undefined,
      auth: 'admin',
      async handle() {
        deps.resetStats()
        return json(200, deps.stats())
      },
    }
  }
  if (key === 'POST /_emulator/configure') {
    return {
      name: undefined,
      auth: 'admin',
      async handle(req) {
        const parsed = parseJsonBody(await readBody(req, 1024 * 1024))
        const value = parsed !== undefined && 'value' in parsed ? parsed.value : undefined
        if (typeof value !== 'object' || value === null)
          return falError(400, 'Expected a JSON object of knobs')
        try {
          return json(200, deps.configure(value as KnobsInput))
        } catch (error) {
          return falError(400, error instanceof Error ? error.message : String(error))
        }
      },
    }
  }
  return fixedRoute(falError(404, 'Not Found'))
}
