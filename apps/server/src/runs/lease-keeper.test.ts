import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseWorkflow } from '@shotchain/graph'
import { openStore, type Store } from '@shotchain/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLeaseKeeper } from './lease-keeper.ts'

let home: string
let store: Store
let t: number
const now = () => t

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'shotchain-leases-'))
  store = openStore(home)
  t = 1_000
  const parsed = parseWorkflow({
    format: 'shotchain.workflow',
    version: 1,
    name: 'w',
    nodes: [],
    edges: [],
  })
  if (!parsed.ok) throw new Error('the empty workflow does not parse')
  const run = { workflowId: 'w1', doc: parsed.doc, targets: undefined, estimateUsd: 0 }
  store.runs.create({ ...run, id: 'r1', createdAt: 0 })
})

afterEach(async () => {
  store.close()
  await rm(home, { recursive: true, force: true })
})

describe('createLeaseKeeper', () => {
  it('holds a run while it heartbeats, and another process takes it once it stops', () => {
    const a = createLeaseKeeper(store.runs, { leaseMs: 6_000, now, owner: 'a' })
    const b = createLeaseKeeper(store.runs, { leaseMs: 6_000, now, owner: 'b' })
    expect(a.take('r1')).toBe(true)
    for (let beat = 0; beat < 5; beat++) {
      t += 2_000
      expect(a.heartbeat()).toEqual([])
      expect(b.take('r1')).toBe(false)
    }
    expect(store.runs.claimable(t)).toEqual([])
    t += 6_000
    expect(a.lost('r1')).toBe(true)
    expect(b.take('r1')).toBe(true)
    expect(a.heartbeat()).toEqual(['r1'])
    // The first process's execution settles: it gives back nothing that is no longer its own.
    a.drop('r1')
    expect(b.heartbeat()).toEqual([])
    expect(b.lost('r1')).toBe(false)
  })

  it('stops writing a run whose lease ran out here, even before anyone took it', () => {
    const a = createLeaseKeeper(store.runs, { leaseMs: 6_000, now, owner: 'a' })
    a.take('r1')
    t += 5_500
    expect(a.lost('r1')).toBe(true)
    expect(a.heartbeat()).toEqual(['r1'])
    // Nor does it take the run again until its stale execution has settled (drop).
    t += 1_000
    expect(a.take('r1')).toBe(false)
    a.drop('r1')
    expect(a.take('r1')).toBe(true)
  })

  it('gives its leases back on releaseAll, so another process takes them at once', () => {
    const a = createLeaseKeeper(store.runs, { leaseMs: 6_000, now, owner: 'a' })
    a.take('r1')
    a.releaseAll()
    expect(store.runs.claimable(t).map((r) => r.id)).toEqual(['r1'])
  })
})
