import { describe, expect, it } from 'vitest'
import { DEFAULT_KNOBS, type EmulatorKnobs } from '../config/knobs.ts'
import { createFaultInjector } from './fault-injector.ts'

function injector(knobs: Partial<EmulatorKnobs>) {
  const all = { ...DEFAULT_KNOBS, ...knobs }
  return createFaultInjector(() => all)
}

describe('createFaultInjector', () => {
  it('serves everything when no rates are set', () => {
    const faults = injector({})
    expect(Array.from({ length: 50 }, () => faults.pick('status'))).toEqual(
      Array(50).fill(undefined),
    )
  })

  it('draws about the asked share of faults, reproducibly for a seed', () => {
    const picks = (seed: number) => {
      const faults = injector({ seed, failures: { status: { 500: 0.3 } } })
      return Array.from({ length: 1000 }, () => faults.pick('status'))
    }
    const first = picks(7)
    const failed = first.filter((f) => f === 500).length
    expect(failed).toBeGreaterThan(240)
    expect(failed).toBeLessThan(360)
    expect(picks(7)).toEqual(first)
    expect(picks(8)).not.toEqual(first)
  })

  it('keeps routes independent: traffic on one does not shift another', () => {
    const a = injector({ failures: { status: { 503: 0.5 }, result: { 503: 0.5 } } })
    const b = injector({ failures: { status: { 503: 0.5 }, result: { 503: 0.5 } } })
    for (let i = 0; i < 10; i++) a.pick('result')
    const seqA = Array.from({ length: 20 }, () => a.pick('status'))
    const seqB = Array.from({ length: 20 }, () => b.pick('status'))
    expect(seqA).toEqual(seqB)
  })

  it('plays scripted faults first, then falls back to the rates', () => {
    const faults = injector({})
    faults.script([
      { route: 'submit', fault: 'dropAfter' },
      { route: 'submit', fault: 429, times: 2 },
    ])
    expect(faults.pick('status')).toBeUndefined()
    expect([faults.pick('submit'), faults.pick('submit'), faults.pick('submit')]).toEqual([
      'dropAfter',
      429,
      429,
    ])
    expect(faults.pick('submit')).toBeUndefined()
  })

  it('can fail every request of a route', () => {
    const faults = injector({ failures: { cancel: { dropBefore: 1 } } })
    expect(new Set(Array.from({ length: 20 }, () => faults.pick('cancel')))).toEqual(
      new Set(['dropBefore']),
    )
  })
})
