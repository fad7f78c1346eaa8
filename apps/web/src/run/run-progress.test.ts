import { describe, expect, it } from 'vitest'
import { registry } from '../registry.ts'
import { runProgress } from './run-progress.ts'
import {
  freeStep,
  inputsDone,
  runStarted,
  shotRun,
  starterDoc,
  viewOf,
} from './testing/three-shot-run.ts'

const doc = starterDoc()

describe('runProgress: how far a live run is, said in shots', () => {
  it('counts the shots ready, not every step of the run', () => {
    const view = viewOf([runStarted(), ...inputsDone(), ...shotRun('shot1', 'req-1')])
    expect(runProgress(view, doc, registry)).toBe('Running: 1 of 3 shots ready')
  })

  it('says one shot in the singular', () => {
    const view = viewOf([runStarted(['image', 'prompt1', 'shot1'], 0.42)])
    expect(runProgress(view, doc, registry)).toBe('Running: 0 of 1 shot ready')
  })

  it('counts nodes when the run makes no shot', () => {
    const view = viewOf([runStarted(['image', 'prompt1'], 0), ...freeStep('image', {})])
    expect(runProgress(view, doc, registry)).toBe('Running: 1 of 2 nodes done')
  })
})
