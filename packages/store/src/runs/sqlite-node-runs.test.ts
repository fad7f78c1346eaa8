import { describe, expect, it } from 'vitest'
import { sampleWorkflow } from '../testing/sample-workflow.ts'
import { openTestStore } from '../testing/temp-home.ts'

function storeWithRun() {
  const store = openTestStore()
  const doc = sampleWorkflow()
  store.runs.create({
    id: 'r1',
    workflowId: 'w1',
    doc,
    targets: undefined,
    estimateUsd: 0,
    createdAt: 0,
  })
  return store
}

describe('sqlite node runs', () => {
  it('keeps the latest state per node, and a known request id when a later state omits it', () => {
    const store = storeWithRun()
    store.nodeRuns.set('r1', 'shot1', { status: 'submitting', at: 1 })
    store.nodeRuns.set('r1', 'shot1', { status: 'submitted', requestId: 'req-1', at: 2 })
    store.nodeRuns.set('r1', 'prompt1', { status: 'done', at: 3 })
    store.nodeRuns.set('r1', 'shot1', {
      status: 'failed',
      error: { code: 'fal_error', message: 'the model refused', field: 'prompt' },
      at: 4,
    })
    expect(store.nodeRuns.list('r1')).toEqual([
      {
        nodeId: 'shot1',
        status: 'failed',
        requestId: 'req-1',
        error: { code: 'fal_error', message: 'the model refused', field: 'prompt' },
        updatedAt: 4,
      },
      { nodeId: 'prompt1', status: 'done', updatedAt: 3 },
    ])
    // A retry clears the old error; a new request id replaces the old one.
    store.nodeRuns.set('r1', 'shot1', { status: 'submitted', requestId: 'req-2', at: 5 })
    expect(store.nodeRuns.list('r1')[0]).toEqual({
      nodeId: 'shot1',
      status: 'submitted',
      requestId: 'req-2',
      updatedAt: 5,
    })
    expect(store.nodeRuns.list('other')).toEqual([])
  })

  it('refuses a node of an unknown run', () => {
    const store = openTestStore()
    expect(() => store.nodeRuns.set('nope', 'n', { status: 'done', at: 1 })).toThrow(
      expect.objectContaining({ code: 'internal' }),
    )
  })
})
