import type { EmulatorKnobs, FaultKind, RouteName, ScriptedFault } from '../config/knobs.ts'
import { createPrng, deriveSeed, type Prng } from './prng.ts'

/** Decides, request by request, whether a route fails and how. */
export interface FaultInjector {
  /** The fault for this request of `route`, or undefined to serve it normally. */
  pick(route: RouteName): FaultKind | undefined
  /** Restarts every route's PRNG sequence from `seed`. */
  reseed(seed: number): void
  /** Replaces the scripted faults still to come. */
  script(faults: readonly ScriptedFault[]): void
}

// A fixed order, so the same draw always maps to the same fault.
const FAULT_ORDER: readonly FaultKind[] = [429, 500, 502, 503, 504, 'dropBefore', 'dropAfter']

/**
 * Creates an injector reading the live knobs. Scripted faults come first, in order; then one PRNG
 * draw per request of a route is compared with that route's cumulative rates.
 */
export function createFaultInjector(knobs: () => EmulatorKnobs): FaultInjector {
  let seed = knobs().seed
  const prngs = new Map<RouteName, Prng>()
  let pending: { route: RouteName; fault: FaultKind; left: number }[] = []

  const prngFor = (route: RouteName): Prng => {
    let prng = prngs.get(route)
    if (prng === undefined) {
      prng = createPrng(deriveSeed(seed, route))
      prngs.set(route, prng)
    }
    return prng
  }

  const fromScript = (route: RouteName): FaultKind | undefined => {
    const entry = pending.find((p) => p.route === route && p.left > 0)
    if (entry === undefined) return undefined
    entry.left--
    pending = pending.filter((p) => p.left > 0)
    return entry.fault
  }

  return {
    pick(route) {
      const scripted = fromScript(route)
      if (scripted !== undefined) return scripted
      const rates = knobs().failures[route]
      if (rates === undefined) return undefined
      const draw = prngFor(route)()
      let cumulative = 0
      for (const fault of FAULT_ORDER) {
        cumulative += rates[fault] ?? 0
        if (draw < cumulative) return fault
      }
      return undefined
    },
    reseed(next) {
      seed = next
      prngs.clear()
    },
    script(faults) {
      pending = faults.map((f) => ({ route: f.route, fault: f.fault, left: f.times ?? 1 }))
    },
  }
}
