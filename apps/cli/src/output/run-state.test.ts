import {
  countNodeStatuses,
  emptyRunState,
  foldRunEvent,
  type RunEvent,
  type RunState,
} from '@shotchain/engine'
import { describe, expect, it } from 'vitest'
import { runStarted, stampEvents, TWO_SHOT_RUN } from './testing/run-events.ts'

/** The run as it stands after its events up to and including `seq`. */
const after = (seq: number, events: readonly RunEvent[] = TWO_SHOT_RUN): RunState =>
  events.filter((e) => e.seq <= seq).reduce(foldRunEvent, emptyRunState())

const seqOf = (match: (e: RunEvent) => boolean) => TWO_SHOT_RUN.find(match)?.seq ?? Number.NaN

describe('the engine’s fold of a CLI run (foldRunEvent)', () => {
  it('starts with every node of the run waiting, the working ones in plan order', () => {
    const run = after(1)
    expect(run.status).toBe('running')
    expect(run.working).toEqual(['prompt', 'shot1', 'shot2', 'sequence'])
    expect([...run.nodes.keys()]).toEqual(['prompt', 'shot1', 'shot2', 'sequence', 'image'])
    expect(run.estimateUsd).toBe(0.84)
    expect(countNodeStatuses(run, run.working).waiting).toBe(4)
  })

  it("follows a shot through the engine's queue, fal's queue and fal's run", () => {
    const shot1 = (seq: number) => after(seq).nodes.get('shot1')
    expect(shot1(seqOf((e) => e.type === 'node-queued' && e.nodeId === 'shot1'))?.status).toBe(
      'queued',
    )
    const inFalQueue = shot1(seqOf((e) => e.type === 'node-progress' && e.nodeId === 'shot1'))
    expect(inFalQueue).toMatchObject({
      status: 'submitted',
      startedAt: 1005,
      requestId: 'req-1',
      fal: { status: 'queued', queuePosition: 3 },
    })
    const running = shot1(seqOf((e) => e.type === 'node-progress' && e.at === 3800))
    expect(running?.fal).toEqual({ status: 'running' })
    expect(running?.log).toBe('sampling')
    expect(shot1(TWO_SHOT_RUN.length)).toMatchObject({
      status: 'succeeded',
      endedAt: 41_000,
      costUsd: 0.42,
    })
  })

  it('keeps the paid request a node re-attached to, and why a node failed or was skipped', () => {
    const run = after(TWO_SHOT_RUN.length - 1)
    expect(run.nodes.get('shot2')).toMatchObject({
      status: 'failed',
      resumeRequestId: 'req-old',
      error: { message: 'the image is too small', field: 'start' },
    })
    expect(run.nodes.get('sequence')).toMatchObject({
      status: 'skipped',
      reason: 'needs the result of "shot2", which failed',
    })
    expect(run.nodes.get('image')?.status).toBe('cached')
  })

  it('adds up what is spent as nodes succeed, and takes the engine’s total at the end', () => {
    expect(after(seqOf((e) => e.type === 'node-succeeded' && e.nodeId === 'shot1')).spentUsd).toBe(
      0.42,
    )
    const end = after(TWO_SHOT_RUN.length)
    expect(end).toMatchObject({ status: 'failed', endedAt: 42_100, spentUsd: 0.42 })
    expect(end.counts).toEqual({ succeeded: 2, cached: 1, failed: 1, skipped: 1, cancelled: 0 })
  })

  it('reads a fraction when a node reports one, and fal completing between polls as running', () => {
    const events = stampEvents([
      [0, runStarted({ toRun: ['a'] })],
      [1, { type: 'node-started', nodeId: 'a' }],
      [2, { type: 'node-progress', nodeId: 'a', progress: { fraction: 1.4, message: 'encoding' } }],
      [3, { type: 'node-progress', nodeId: 'a', progress: { status: 'queued' } }],
    ])
    expect(after(3, events).nodes.get('a')).toMatchObject({ fraction: 1, log: 'encoding' })
    expect(after(4, events).nodes.get('a')?.fal).toEqual({ status: 'queued' })
  })

  it('marks reused and cancelled nodes, and never changes the state it is given', () => {
    const events = stampEvents([
      [0, runStarted({ toRun: ['a'], reused: ['b'] })],
      [1, { type: 'node-cached', nodeId: 'b', outputs: {}, reuseOf: 'a' }],
      [2, { type: 'node-cancelled', nodeId: 'a' }],
    ])
    const before = after(1, events)
    const frozen = structuredClone([...before.nodes])
    const run = foldRunEvent(foldRunEvent(before, events[1] as RunEvent), events[2] as RunEvent)
    expect([...before.nodes]).toEqual(frozen)
    expect(run.nodes.get('b')).toEqual({ status: 'cached', outputs: {}, reuseOf: 'a' })
    expect(run.nodes.get('a')).toMatchObject({ status: 'cancelled', endedAt: 1002 })
  })
})
