import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunPlan } from '@shotchain/engine'
import { createRegistry, parseWorkflow, type WorkflowDocument } from '@shotchain/graph'
import { type NodeServices, promptNode } from '@shotchain/nodes'
import { openStore, type Store } from '@shotchain/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readEvents, type StoredEvent } from '../record/record-event.ts'
import { cliWorkflowId, isCliRun } from './cli-runs.ts'
import { createRunLifecycle, type RunLifecycle } from './run-lifecycle.ts'
import { overBudget } from './start-run.ts'

let home: string
let store: Store
let runs: RunLifecycle
let heard: StoredEvent[]

/** One free prompt node: a run that pays nothing and needs no fal, media or files. */
function promptDoc(): WorkflowDocument {
  const parsed = parseWorkflow({
    format: 'shotchain.workflow',
    version: 1,
    name: 'w',
    nodes: [{ id: 'p1', type: 'prompt', position: [0, 0], params: { text: 'a harbour at dawn' } }],
    edges: [],
  })
  if (!parsed.ok) throw new Error('the prompt workflow does not parse')
  return parsed.doc
}

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'shotchain-lifecycle-'))
  store = openStore(home)
  heard = []
  let t = 1_000
  runs = createRunLifecycle({
    store,
    registry: createRegistry([promptNode]),
    // The prompt node uses no service.
    services: {} as NodeServices,
    now: () => t++,
    limits: { fal: 1 },
    log: () => {},
    publish: (_runId, stored) => heard.push(stored),
  })
})

afterEach(async () => {
  await runs.close()
  store.close()
  await rm(home, { recursive: true, force: true })
})

describe('createRunLifecycle', () => {
  it('records a run, its events, its node states and how it ended', async () => {
    const started = await runs.start({ workflowId: 'w1', doc: promptDoc(), targets: ['p1'] })
    if (!started.ok) throw new Error(`refused: ${started.reason}`)
    const result = await runs.settled(started.runId)
    expect(result?.status).toBe('succeeded')
    expect(store.runs.get(started.runId)).toMatchObject({
      workflowId: 'w1',
      status: 'succeeded',
      targets: ['p1'],
      spentUsd: 0,
    })
    expect(store.nodeRuns.list(started.runId)).toEqual([
      expect.objectContaining({ nodeId: 'p1', status: 'succeeded' }),
    ])
    const stored = readEvents(store, started.runId, 0)
    expect(stored.map((s) => s.event.type)).toEqual([
      'run-started',
      'node-queued',
      'node-started',
      'node-succeeded',
      'run-finished',
    ])
    expect(heard).toEqual(stored)
    expect(runs.isActive(started.runId)).toBe(false)
  })

  it('records a plan the caller made under the id it gives (a CLI run)', async () => {
    const planned = await runs.estimate(promptDoc(), ['p1'])
    if (!planned.ok) throw new Error('the prompt workflow does not plan')
    const workflowId = cliWorkflowId('/work/w.json')
    const runId = runs.startPlanned({ workflowId, doc: planned.plan.doc, plan: planned.plan })
    expect((await runs.settled(runId))?.status).toBe('succeeded')
    expect(store.runs.list(workflowId).map((r) => r.id)).toEqual([runId])
  })

  it('refuses an invalid workflow and records nothing', async () => {
    const doc = promptDoc()
    const started = await runs.start({ workflowId: 'w1', doc, targets: ['nowhere'] })
    expect(started.ok).toBe(false)
    expect(store.runs.list('w1')).toEqual([])
  })

  it('refuses a plan whose estimate is over the budget, and takes one within it', () => {
    const plan = { estimate: { usd: 0.84, unknownPrice: 0 } } as RunPlan
    expect(overBudget(plan, 0.5)).toEqual({
      ok: false,
      reason: 'over-budget',
      estimateUsd: 0.84,
      budgetUsd: 0.5,
      unknownPrice: 0,
    })
    expect(overBudget(plan, 0.84)).toBeUndefined()
    expect(overBudget(plan, undefined)).toBeUndefined()
  })

  it('refuses a node of unknown price under a budget unless the person allows it', () => {
    const plan = { estimate: { usd: 0.42, unknownPrice: 1 } } as RunPlan
    expect(overBudget(plan, 5)).toMatchObject({ reason: 'over-budget', unknownPrice: 1 })
    expect(overBudget(plan, 5, true)).toBeUndefined()
    expect(overBudget(plan, undefined)).toBeUndefined()
  })

  it('resumes the unfinished runs it is told to take, and leaves the others', async () => {
    const doc = promptDoc()
    for (const [id, workflowId] of [
      ['server-run', 'w1'],
      ['cli-run', cliWorkflowId('/work/w.json')],
    ] as const)
      store.runs.create({ id, workflowId, doc, targets: ['p1'], estimateUsd: 0, createdAt: 0 })
    const resumed = await runs.resumeUnfinished((run) => !isCliRun(run))
    expect(resumed).toBe(1)
    await runs.settled('server-run')
    expect(store.runs.get('server-run')?.status).toBe('succeeded')
    expect(store.runs.get('cli-run')?.status).toBe('running')
  })
})
