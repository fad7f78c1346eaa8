import { createRegistry, parseWorkflow, type WorkflowDocument } from '@shotchain/graph'
import { builtInNodes } from '@shotchain/nodes'
import { registerSecondVideoPack } from '@shotchain/nodes/testing'
import { describe, expect, it } from 'vitest'
import { estimateSummary } from './estimate-summary.ts'
import { shotTimeline } from './shot-timeline.ts'

// A second video model from a test pack, beside Kling: the timeline and the estimate line take
// it as a shot from its declarations, with no change to the app.
const registry = registerSecondVideoPack(createRegistry(builtInNodes))

function mixed(): WorkflowDocument {
  const parsed = parseWorkflow({
    format: 'shotchain.workflow',
    version: 1,
    name: 'mixed',
    nodes: [
      { id: 'image', type: 'image-source', position: [0, 0], params: { path: 'a.png' } },
      { id: 'p1', type: 'prompt', position: [0, 300], params: { text: '@Image1: dawn' } },
      { id: 'p2', type: 'prompt', position: [300, 300], params: { text: 'dusk' } },
      { id: 'shot1', type: 'kling-o1-i2v', position: [300, 0], params: { duration: 5 } },
      { id: 'take-1', type: 'test-video-i2v', position: [600, 0], params: { seconds: 6 } },
      { id: 'seq', type: 'sequence', position: [900, 0], params: {} },
    ],
    edges: [
      { id: 'e1', from: { node: 'image', port: 'image' }, to: { node: 'shot1', port: 'start' } },
      { id: 'e2', from: { node: 'p1', port: 'text' }, to: { node: 'shot1', port: 'prompt' } },
      {
        id: 'e3',
        from: { node: 'shot1', port: 'lastFrame' },
        to: { node: 'take-1', port: 'first' },
      },
      { id: 'e4', from: { node: 'p2', port: 'text' }, to: { node: 'take-1', port: 'text' } },
      {
        id: 'e5',
        from: { node: 'shot1', port: 'video' },
        to: { node: 'seq', port: 'clips' },
        order: 0,
      },
      {
        id: 'e6',
        from: { node: 'take-1', port: 'clip' },
        to: { node: 'seq', port: 'clips' },
        order: 1,
      },
    ],
  })
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message)
  return parsed.doc
}

describe('a shot of another pack in the app', () => {
  it('is on the timeline in sequence order, with its own length and price', () => {
    const timeline = shotTimeline(mixed(), registry, undefined, new Map())
    expect(timeline.sequenceId).toBe('seq')
    expect(timeline.shots.map((s) => [s.nodeId, s.durationSec, s.costUsd])).toEqual([
      ['shot1', 5, 0.42],
      ['take-1', 6, 0.3],
    ])
    expect(timeline.totalSec).toBe(11)
  })

  it('counts as a shot to generate in the estimate line', () => {
    const line = estimateSummary(mixed(), registry, {
      toRun: ['image', 'p1', 'p2', 'shot1', 'take-1', 'seq'],
      cached: [],
      reused: [],
      estimate: { usd: 0.72 },
    })
    expect(line).toBe('2 shots to generate, $0.72')
  })
})
