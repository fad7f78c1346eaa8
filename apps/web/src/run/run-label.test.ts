import type { WorkflowDocument } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { runButtonLabel } from './run-label.ts'
import type { EstimateState } from './use-estimate.ts'

const doc = { version: 1, name: 'w', nodes: [], edges: [] } as unknown as WorkflowDocument
const ready = (usd: number, toRun: string[] = ['shot1']): EstimateState => ({
  kind: 'ready',
  estimate: { toRun, cached: [], reused: [], estimate: { usd } },
  doc,
  refresh: undefined,
})

describe('runButtonLabel', () => {
  it('says the price of the run, a sub-cent one with its digits', () => {
    expect(runButtonLabel(ready(0.84), false)).toEqual({ text: 'Run · $0.84', refused: false })
    expect(runButtonLabel(ready(0.003), false).text).toBe('Run · $0.003')
  })

  it('says $0.00 when everything is cached', () => {
    expect(runButtonLabel(ready(0, []), false).text).toBe('Run · $0.00')
  })

  it('says … while estimating, and plain Run with no estimate to give', () => {
    expect(runButtonLabel({ kind: 'none', reason: 'Estimating…' }, false).text).toBe('Run · …')
    const unsaved = { kind: 'none', reason: 'Save the workflow to see what a run costs' } as const
    expect(runButtonLabel(unsaved, false).text).toBe('Run')
  })

  it('is refused when the estimate is, and says Starting… once pressed', () => {
    const refused: EstimateState = {
      kind: 'refused',
      refusal: { message: 'shot2: names @Image2', issues: [] },
    } as unknown as EstimateState
    expect(runButtonLabel(refused, false)).toEqual({ text: 'Run', refused: true })
    expect(runButtonLabel(ready(0.84), true).text).toBe('Starting…')
  })
})
