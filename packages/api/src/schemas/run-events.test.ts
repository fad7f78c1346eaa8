import { describe, expect, it } from 'vitest'
import { parseRunEvent } from './run-events.ts'

describe('parseRunEvent', () => {
  it("gives the engine's type to an event whose type, ids and key fields pass", () => {
    const event = {
      type: 'node-succeeded',
      runId: 'r',
      seq: 4,
      at: 10,
      nodeId: 'shot1',
      outputs: { video: { hash: 'ab' } },
      costUsd: 0.42,
    }
    expect(parseRunEvent(JSON.stringify(event))).toEqual({ ok: true, event })
  })

  it('names the field at fault, and what is not JSON, without throwing', () => {
    const noNode = { type: 'node-failed', runId: 'r', seq: 1, at: 1, error: { code: 'x' } }
    expect(parseRunEvent(JSON.stringify(noNode))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/nodeId/),
    })
    const unknown = { type: 'node-exploded', runId: 'r', seq: 1, at: 1 }
    expect(parseRunEvent(JSON.stringify(unknown))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/type/),
    })
    expect(parseRunEvent('{"type":')).toMatchObject({ ok: false, problem: /not JSON/ })
  })
})
