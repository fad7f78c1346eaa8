import type { RunEvent, RunEventBody, RunStatus } from '@shotchain/engine'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyRunEvent, emptyRun, isLive, type RunView } from './run-view.ts'
import {
  applyAll,
  clip,
  inputsDone,
  RUN_ID,
  runStarted,
  stamp,
  starterRun,
  still,
  T0,
  viewOf,
} from './testing/three-shot-run.ts'

const node = (view: RunView, id: string) => view.nodes.get(id)

describe('applyRunEvent: a three-shot run as the page sees it', () => {
  it('starts empty and live, with nothing applied', () => {
    const view = emptyRun(RUN_ID)
    expect(view).toEqual({
      runId: RUN_ID,
      status: 'starting',
      working: [],
      estimateUsd: 0,
      spentUsd: 0,
      finishedSpentUsd: 0,
      nodes: new Map(),
      lastSeq: 0,
    })
    expect(isLive(view)).toBe(true)
  })

  it('run-started puts every node it will run in waiting, with the estimate and the start time', () => {
    const view = viewOf([runStarted(['image', 'shot1', 'shot2', 'shot3'], 1.26)])
    expect(view.status).toBe('running')
    expect(view.estimateUsd).toBe(1.26)
    expect(view.startedAt).toBe(T0)
    expect(view.lastSeq).toBe(1)
    expect([...view.nodes]).toEqual([
      ['image', { status: 'waiting' }],
      ['shot1', { status: 'waiting' }],
      ['shot2', { status: 'waiting' }],
      ['shot3', { status: 'waiting' }],
    ])
  })

  it('follows a shot through queued, running, fal’s queue, its logs and its request id', () => {
    const events = stamp([
      runStarted(),
      { type: 'node-queued', nodeId: 'shot1' },
      { type: 'node-started', nodeId: 'shot1' },
      { type: 'node-submitted', nodeId: 'shot1', requestId: 'req-1', costUsd: 0.42 },
      { type: 'node-progress', nodeId: 'shot1', progress: { status: 'queued', queuePosition: 4 } },
      { type: 'node-progress', nodeId: 'shot1', progress: { status: 'queued', queuePosition: 1 } },
      {
        type: 'node-progress',
        nodeId: 'shot1',
        progress: { status: 'running', logs: ['Starting', 'Rendering 40/120'] },
      },
      // A poll with no new lines keeps the last one shown.
      { type: 'node-progress', nodeId: 'shot1', progress: { status: 'running', logs: [] } },
    ])
    const after = (count: number) => node(applyAll(events.slice(0, count)), 'shot1')
    expect(after(2)).toEqual({ status: 'queued' })
    expect(after(3)).toEqual({ status: 'running', startedAt: T0 + 2000 })
    expect(after(4)).toMatchObject({ status: 'submitted', requestId: 'req-1' })
    expect(after(5)?.fal?.queuePosition).toBe(4)
    expect(after(6)?.fal?.queuePosition).toBe(1)
    expect(after(7)).toMatchObject({ status: 'submitted', log: 'Rendering 40/120' })
    expect(after(7)?.fal?.queuePosition).toBeUndefined()
    expect(after(8)).toMatchObject({
      status: 'submitted',
      startedAt: T0 + 2000,
      requestId: 'req-1',
      log: 'Rendering 40/120',
    })
  })

  it('a run resumed after it finished (a decision to submit again) is live again, and its spending adds up', () => {
    const counts = { succeeded: 0, cached: 0, failed: 1, skipped: 0, cancelled: 0 }
    const view = viewOf([
      runStarted(['shot1']),
      {
        type: 'node-failed',
        nodeId: 'shot1',
        error: { code: 'ambiguous-submit', message: 'may have reached fal' },
      },
      { type: 'run-finished', status: 'failed', spentUsd: 0, counts },
      { type: 'node-started', nodeId: 'shot1' },
    ])
    expect(view.status).toBe('running')
    expect(isLive(view)).toBe(true)
    expect(node(view, 'shot1')?.status).toBe('running')
    const done = applyAll(
      stamp(
        [
          { type: 'node-succeeded', nodeId: 'shot1', outputs: {}, costUsd: 0.42 },
          {
            type: 'run-finished',
            status: 'succeeded',
            spentUsd: 0.42,
            counts: { ...counts, failed: 0, succeeded: 1 },
          },
        ],
        RUN_ID,
        view.lastSeq + 1,
      ),
      view,
    )
    expect(done.status).toBe('succeeded')
    expect(done.spentUsd).toBeCloseTo(0.42)
  })

  it('shows a progress message when there are no log lines', () => {
    const view = viewOf([
      runStarted(),
      { type: 'node-started', nodeId: 'sequence' },
      { type: 'node-progress', nodeId: 'sequence', progress: { message: 'joining 3 clips' } },
    ])
    expect(node(view, 'sequence')?.log).toBe('joining 3 clips')
  })

  it('keeps a finished shot’s clip, last frame and cost; a cached one has its outputs and no cost', () => {
    const view = viewOf([
      runStarted(['prompt2', 'shot2'], 0.42, ['image', 'prompt1', 'shot1']),
      { type: 'node-cached', nodeId: 'shot1', outputs: { video: clip('shot1') } },
      { type: 'node-started', nodeId: 'shot2' },
      {
        type: 'node-succeeded',
        nodeId: 'shot2',
        outputs: { video: clip('shot2'), lastFrame: still('last:shot2') },
        costUsd: 0.42,
      },
    ])
    expect(node(view, 'shot1')).toEqual({ status: 'cached', outputs: { video: clip('shot1') } })
    expect(node(view, 'shot2')).toMatchObject({
      status: 'succeeded',
      outputs: { video: clip('shot2'), lastFrame: still('last:shot2') },
      costUsd: 0.42,
    })
  })

  it('records a failure with its message, code and the field at fault', () => {
    const view = viewOf([
      runStarted(),
      { type: 'node-started', nodeId: 'shot1' },
      {
        type: 'node-failed',
        nodeId: 'shot1',
        error: {
          code: 'validation',
          message: 'the start image is 200×200; fal needs at least 300 px a side',
          nodeId: 'shot1',
          field: 'start',
        },
      },
      {
        type: 'node-failed',
        nodeId: 'shot2',
        error: { code: 'server', message: 'fal answered 502' },
      },
    ])
    expect(node(view, 'shot1')).toMatchObject({
      status: 'failed',
      error: {
        code: 'validation',
        message: 'the start image is 200×200; fal needs at least 300 px a side',
        field: 'start',
      },
    })
    expect(node(view, 'shot2')?.error).toEqual({ code: 'server', message: 'fal answered 502' })
  })

  it('says why a node was skipped, marks cancelled nodes, and finishes with what was spent', () => {
    const view = viewOf([
      runStarted(),
      { type: 'node-started', nodeId: 'shot1' },
      { type: 'node-cancelled', nodeId: 'shot1' },
      {
        type: 'node-skipped',
        nodeId: 'shot2',
        reason: 'shot1 was cancelled',
        causeNodeId: 'shot1',
      },
      {
        type: 'run-finished',
        status: 'cancelled',
        spentUsd: 0,
        counts: { succeeded: 4, cached: 0, failed: 0, skipped: 1, cancelled: 1 },
      },
    ])
    expect(node(view, 'shot1')?.status).toBe('cancelled')
    expect(node(view, 'shot2')).toEqual({ status: 'skipped', reason: 'shot1 was cancelled' })
    expect(view).toMatchObject({ status: 'cancelled', spentUsd: 0, endedAt: T0 + 4000 })
    expect(isLive(view)).toBe(false)
  })

  it('ends a whole run succeeded, every node done, $1.26 spent, no longer live', () => {
    const view = viewOf(starterRun())
    expect(view.status).toBe('succeeded')
    expect(view.spentUsd).toBe(1.26)
    expect(view.lastSeq).toBe(starterRun().length)
    expect([...view.nodes.values()].map((n) => n.status)).toEqual(Array(9).fill('succeeded'))
    expect(isLive(view)).toBe(false)
  })

  it('isLive: only a starting or running run can still change', () => {
    expect(isLive(undefined)).toBe(false)
    for (const status of ['starting', 'running'] as const)
      expect(isLive({ ...emptyRun(RUN_ID), status })).toBe(true)
    for (const status of ['succeeded', 'failed', 'cancelled'] as const)
      expect(isLive({ ...emptyRun(RUN_ID), status })).toBe(false)
  })
})

// ---- Properties over generated runs ------------------------------------------------------------

type Outcome = 'succeeded' | 'cached' | 'failed' | 'skipped' | 'cancelled'

const FINAL_STATE = {
  succeeded: 'succeeded',
  cached: 'cached',
  failed: 'failed',
  skipped: 'skipped',
  cancelled: 'cancelled',
} as const

/** One shot's events for an outcome, with `polls` fal status reports while it waits. */
function shotLifecycle(nodeId: string, outcome: Outcome, polls: number): RunEventBody[] {
  if (outcome === 'cached')
    return [{ type: 'node-cached', nodeId, outputs: { video: clip(nodeId) } }]
  if (outcome === 'skipped')
    return [{ type: 'node-skipped', nodeId, reason: 'an input failed', causeNodeId: 'image' }]
  const waiting: RunEventBody[] = Array.from({ length: polls }, (_, k) => ({
    type: 'node-progress',
    nodeId,
    progress:
      k < polls / 2
        ? { status: 'queued', queuePosition: polls - k, logs: [] }
        : { status: 'running', logs: [`step ${k}`] },
  }))
  const end: RunEventBody =
    outcome === 'succeeded'
      ? {
          type: 'node-succeeded',
          nodeId,
          outputs: { video: clip(nodeId), lastFrame: still(nodeId) },
          costUsd: 0.42,
        }
      : outcome === 'failed'
        ? { type: 'node-failed', nodeId, error: { code: 'timeout', message: 'fal timed out' } }
        : { type: 'node-cancelled', nodeId }
  return [
    { type: 'node-queued', nodeId },
    { type: 'node-started', nodeId },
    { type: 'node-submitted', nodeId, requestId: `req-${nodeId}`, costUsd: 0.42 },
    ...waiting,
    end,
  ]
}

/** Merges per-node event lists, keeping each node's own order, picking lists by `schedule`. */
function interleave<T>(lists: readonly (readonly T[])[], schedule: readonly number[]): T[] {
  const queues = lists.map((l) => [...l])
  const merged: T[] = []
  for (const pick of schedule) {
    const queue = queues[pick % queues.length]
    const next = queue?.shift()
    if (next !== undefined) merged.push(next)
  }
  return merged.concat(...queues)
}

const SHOTS = ['shot1', 'shot2', 'shot3'] as const

const outcomeArb = fc.constantFrom<Outcome>('succeeded', 'cached', 'failed', 'skipped', 'cancelled')

/** A run of the three shots: each with its own outcome, their events interleaved. */
const runArb = fc
  .record({
    outcomes: fc.tuple(outcomeArb, outcomeArb, outcomeArb),
    polls: fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5)),
    schedule: fc.array(fc.nat(2), { maxLength: 40 }),
    status: fc.constantFrom<RunStatus>('succeeded', 'failed', 'cancelled'),
  })
  .map(({ outcomes, polls, schedule, status }) => {
    const lifecycles = [
      shotLifecycle('shot1', outcomes[0], polls[0]),
      shotLifecycle('shot2', outcomes[1], polls[1]),
      shotLifecycle('shot3', outcomes[2], polls[2]),
    ]
    const bodies: RunEventBody[] = [
      runStarted(),
      ...inputsDone(),
      ...interleave(lifecycles, schedule),
      {
        type: 'run-finished',
        status,
        spentUsd: 0.42 * outcomes.filter((o) => o === 'succeeded').length,
        counts: { succeeded: 0, cached: 0, failed: 0, skipped: 0, cancelled: 0 },
      },
    ]
    return { outcomes, events: stamp(bodies) }
  })

/** A run, a point it was applied up to, and an earlier point a reconnect replays from. */
const replayArb = runArb.chain(({ events, outcomes }) =>
  fc
    .nat(events.length)
    .chain((upTo) => fc.nat(upTo).map((from) => ({ events, outcomes, upTo, replayFrom: from }))),
)

describe('applyRunEvent properties', () => {
  it('a replay overlapping what was applied gives the view of applying the stream once', () => {
    fc.assert(
      fc.property(replayArb, ({ events, upTo, replayFrom }) => {
        const once = applyAll(events)
        const seen = applyAll(events.slice(0, upTo))
        expect(applyAll(events, seen)).toEqual(once)
        expect(applyAll(events.slice(replayFrom), seen)).toEqual(once)
        // While the replay catches up, nothing on the page moves back (no shot flickers to waiting).
        for (const event of events.slice(replayFrom, upTo))
          expect(applyRunEvent(seen, event)).toBe(seen)
      }),
    )
  })

  it('ends with each shot in the state its last event put it in', () => {
    fc.assert(
      fc.property(runArb, ({ events, outcomes }) => {
        const view = applyAll(events)
        expect(SHOTS.map((id) => view.nodes.get(id)?.status)).toEqual(
          outcomes.map((o) => FINAL_STATE[o]),
        )
        expect(view.lastSeq).toBe(events.length)
        expect(isLive(view)).toBe(false)
      }),
    )
  })

  it('events of another run, wherever they arrive, change nothing', () => {
    const otherRun = runArb.map(({ events }) =>
      events.map((e): RunEvent => ({ ...e, runId: 'run-other', seq: e.seq + 3 })),
    )
    fc.assert(
      fc.property(runArb, otherRun, fc.array(fc.nat(1)), ({ events }, foreign, schedule) => {
        const mixed = interleave([events, foreign], schedule)
        expect(applyAll(mixed)).toEqual(applyAll(events))
        let view = emptyRun(RUN_ID)
        for (const event of mixed) {
          const next = applyRunEvent(view, event)
          if (event.runId !== RUN_ID) expect(next).toBe(view)
          view = next
        }
      }),
    )
  })

  it('never goes backwards in lastSeq, whatever order and repeats events arrive in', () => {
    const shuffledArb = runArb.chain(({ events }) =>
      fc.array(fc.constantFrom(...events), { minLength: 1, maxLength: 3 * events.length }),
    )
    fc.assert(
      fc.property(shuffledArb, (arrivals) => {
        let view = emptyRun(RUN_ID)
        let highest = 0
        for (const event of arrivals) {
          const next = applyRunEvent(view, event)
          expect(next.lastSeq).toBeGreaterThanOrEqual(view.lastSeq)
          // An event at or before what was applied is a replay: the view stays as it was.
          if (event.seq <= view.lastSeq) expect(next).toBe(view)
          highest = Math.max(highest, event.seq)
          expect(next.lastSeq).toBe(highest)
          view = next
        }
      }),
    )
  })
})
