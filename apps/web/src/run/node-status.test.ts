import type { RunEventBody } from '@shotchain/engine'
import { describe, expect, it } from 'vitest'
import { registry } from '../registry.ts'
import { markInvalid, nodeStatuses } from './node-status.ts'
import {
  clip,
  inputsDone,
  runStarted,
  shotRun,
  starterDoc,
  starterRun,
  still,
  T0,
  viewOf,
} from './testing/three-shot-run.ts'

const doc = starterDoc()
const url = (media: { hash: string }) => `/media/${media.hash}`
const statusesOf = (bodies: RunEventBody[], stale: ReadonlySet<string> = new Set()) =>
  nodeStatuses(doc, registry, viewOf(bodies), stale)

/** The run so far: the inputs done (events 2–13), then shot1's own events from seq 14. */
const shot1So = (...events: RunEventBody[]) => [runStarted(), ...inputsDone(), ...events]
const SHOT1_STARTED_AT = T0 + 14 * 1000

describe('nodeStatuses: what each node’s card shows of the run', () => {
  it('shows nothing without a run', () => {
    expect(nodeStatuses(doc, registry, undefined, new Set()).size).toBe(0)
  })

  it('a node waiting on its inputs or for a slot is queued and says which', () => {
    const statuses = statusesOf(shot1So({ type: 'node-queued', nodeId: 'shot1' }))
    expect(statuses.get('shot1')).toMatchObject({
      state: 'queued',
      detail: 'waits for a free slot',
    })
    expect(statuses.get('shot2')).toEqual({ state: 'queued', detail: 'waits for its inputs' })
  })

  it('a shot queued at fal shows queued with its queue position there, and its start frame', () => {
    const statuses = statusesOf(
      shot1So(
        { type: 'node-queued', nodeId: 'shot1' },
        { type: 'node-started', nodeId: 'shot1' },
        { type: 'node-submitted', nodeId: 'shot1', requestId: 'req-1', costUsd: 0.42 },
        {
          type: 'node-progress',
          nodeId: 'shot1',
          progress: { status: 'queued', queuePosition: 3 },
        },
      ),
    )
    expect(statuses.get('shot1')).toEqual({
      state: 'queued',
      since: SHOT1_STARTED_AT,
      detail: 'queue position 3 at fal',
      inputImages: { start: url(still('harbour')) },
    })
  })

  it('a running shot shows since when, and its latest log line once fal sends one', () => {
    const upToSubmit: RunEventBody[] = [
      { type: 'node-queued', nodeId: 'shot1' },
      { type: 'node-started', nodeId: 'shot1' },
    ]
    expect(statusesOf(shot1So(...upToSubmit)).get('shot1')).toMatchObject({
      state: 'running',
      since: SHOT1_STARTED_AT,
      detail: 'running',
    })
    const submitted: RunEventBody[] = [
      ...upToSubmit,
      { type: 'node-submitted', nodeId: 'shot1', requestId: 'req-1', costUsd: 0.42 },
      { type: 'node-progress', nodeId: 'shot1', progress: { status: 'queued', queuePosition: 1 } },
    ]
    const running: RunEventBody[] = [
      ...submitted,
      { type: 'node-progress', nodeId: 'shot1', progress: { status: 'running', logs: [] } },
    ]
    expect(statusesOf(shot1So(...running)).get('shot1')).toMatchObject({
      state: 'running',
      detail: 'submitted to fal',
    })
    const logged: RunEventBody[] = [
      ...running,
      {
        type: 'node-progress',
        nodeId: 'shot1',
        progress: { status: 'running', logs: ['Loading model', 'Rendering 64/120'] },
      },
    ]
    expect(statusesOf(shot1So(...logged)).get('shot1')).toEqual({
      state: 'running',
      since: SHOT1_STARTED_AT,
      detail: 'Rendering 64/120',
      inputImages: { start: url(still('harbour')) },
    })
  })

  it('a failed node shows the message and the field at fault', () => {
    const statuses = statusesOf(
      shot1So(
        { type: 'node-started', nodeId: 'shot1' },
        {
          type: 'node-failed',
          nodeId: 'shot1',
          error: {
            code: 'validation',
            message: 'prompt: @Image2 needs an end frame',
            nodeId: 'shot1',
            field: 'prompt',
          },
        },
        {
          type: 'node-skipped',
          nodeId: 'shot2',
          reason: 'shot1 failed, so it has no start frame',
          causeNodeId: 'shot1',
        },
      ),
    )
    expect(statuses.get('shot1')).toMatchObject({
      state: 'failed',
      detail: 'prompt: @Image2 needs an end frame',
      field: 'prompt',
    })
    expect(statuses.get('shot2')).toEqual({
      state: 'skipped',
      detail: 'shot1 failed, so it has no start frame',
    })
  })

  it('a failure without a field marks no field', () => {
    const statuses = statusesOf(
      shot1So({
        type: 'node-failed',
        nodeId: 'shot1',
        error: { code: 'server', message: 'fal answered 502 three times' },
      }),
    )
    expect(statuses.get('shot1')).not.toHaveProperty('field')
    expect(statuses.get('shot1')?.detail).toBe('fal answered 502 three times')
  })

  it('a cancelled node says nothing more was paid for it', () => {
    const statuses = statusesOf(shot1So({ type: 'node-cancelled', nodeId: 'shot1' }))
    expect(statuses.get('shot1')).toMatchObject({
      state: 'cancelled',
      detail: 'cancelled: nothing more was paid for it',
    })
  })

  it('a done Kling shot plays its clip, shows its last frame and what it cost', () => {
    const statuses = statusesOf(starterRun())
    expect(statuses.get('shot1')).toEqual({
      state: 'succeeded',
      detail: '$0.42',
      videoUrl: url(clip('shot1')),
      imageUrl: url(still('last:shot1')),
      inputImages: { start: url(still('harbour')) },
    })
    // An image source shows the image it gave, and being free says no price.
    expect(statuses.get('image')).toEqual({ state: 'succeeded', imageUrl: url(still('harbour')) })
    expect(statuses.get('sequence')).toMatchObject({ videoUrl: url(clip('sequence', 15.125)) })
  })

  it('each shot’s start shows the last frame of the shot before it', () => {
    const statuses = statusesOf(starterRun())
    expect(statuses.get('shot2')?.inputImages).toEqual({ start: url(still('last:shot1')) })
    expect(statuses.get('shot3')?.inputImages).toEqual({ start: url(still('last:shot2')) })
    // Prompts are text, not images: nothing arrives at a prompt's card.
    expect(statuses.get('prompt2')?.inputImages).toBeUndefined()
  })

  it('shot2 shows its start frame as soon as shot1 is done, before it runs itself', () => {
    const statuses = statusesOf(shot1So(...shotRun('shot1', 'req-1')))
    expect(statuses.get('shot2')).toEqual({
      state: 'queued',
      detail: 'waits for its inputs',
      inputImages: { start: url(still('last:shot1')) },
    })
  })

  it('a cached shot shows its clip and frame, without a price', () => {
    const statuses = statusesOf([
      runStarted(['prompt2', 'shot2'], 0.42, ['image', 'prompt1', 'shot1']),
      {
        type: 'node-cached',
        nodeId: 'shot1',
        outputs: { video: clip('shot1'), lastFrame: still('last:shot1') },
      },
    ])
    expect(statuses.get('shot1')).toEqual({
      state: 'cached',
      videoUrl: url(clip('shot1')),
      imageUrl: url(still('last:shot1')),
    })
  })

  it('a finished node an edit made stale shows stale, its old result still shown as changed', () => {
    const stale = new Set(['shot2', 'shot3', 'sequence', 'out'])
    const statuses = statusesOf(starterRun(), stale)
    for (const id of stale)
      expect(statuses.get(id)).toMatchObject({
        state: 'stale',
        detail: 'changed since this run: it runs again',
        changed: true,
      })
    expect(statuses.get('shot2')).toMatchObject({
      videoUrl: url(clip('shot2')),
      imageUrl: url(still('last:shot2')),
    })
    expect(statuses.get('shot1')?.state).toBe('succeeded')
  })

  it('a cached node can be stale too', () => {
    const statuses = statusesOf(
      [
        runStarted([], 0, ['shot1']),
        { type: 'node-cached', nodeId: 'shot1', outputs: { video: clip('shot1') } },
      ],
      new Set(['shot1']),
    )
    expect(statuses.get('shot1')?.state).toBe('stale')
  })

  it('a running, failed or waiting node in the stale set keeps its live state', () => {
    const statuses = statusesOf(
      shot1So(
        { type: 'node-started', nodeId: 'shot1' },
        {
          type: 'node-failed',
          nodeId: 'prompt3',
          error: { code: 'validation', message: 'text: must not be empty', field: 'text' },
        },
      ),
      new Set(['shot1', 'shot2', 'prompt3']),
    )
    expect(statuses.get('shot1')?.state).toBe('running')
    expect(statuses.get('shot2')?.state).toBe('queued')
    expect(statuses.get('prompt3')?.state).toBe('failed')
  })

  it('nodes the run does not touch (run to selected) get no status', () => {
    const statuses = statusesOf([
      runStarted(['image', 'prompt1', 'shot1'], 0.42),
      ...shotRun('shot1', 'req-1'),
    ])
    expect([...statuses.keys()].sort()).toEqual(['image', 'prompt1', 'shot1'])
  })
})

describe('markInvalid: a problem in the document, not a failed run', () => {
  const issue = {
    path: 'nodes[4].params',
    message: 'this shot names @Image2 but no end frame is connected',
    severity: 'error' as const,
    nodeId: 'shot2',
    field: 'end',
  }

  it('marks the node invalid in the issue’s words and keeps its clip, as changed', () => {
    const statuses = markInvalid(statusesOf(starterRun()), [issue])
    expect(statuses.get('shot2')).toEqual({
      state: 'invalid',
      detail: 'end: this shot names @Image2 but no end frame is connected',
      field: 'end',
      changed: true,
      videoUrl: url(clip('shot2')),
      imageUrl: url(still('last:shot2')),
      inputImages: { start: url(still('last:shot1')) },
    })
  })

  it('a node without a result is invalid and nothing more; warnings and other nodes are left', () => {
    const statuses = markInvalid(new Map(), [
      issue,
      { ...issue, nodeId: 'shot3', severity: 'warning' as const },
      { path: 'name', message: 'empty', severity: 'error' as const },
    ])
    expect([...statuses.entries()]).toEqual([
      ['shot2', { state: 'invalid', detail: `end: ${issue.message}`, field: 'end' }],
    ])
  })
})
