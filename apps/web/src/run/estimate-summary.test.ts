import { describe, expect, it } from 'vitest'
import { registry } from '../registry.ts'
import { type Estimate, estimateSummary } from './estimate-summary.ts'
import { starterDoc } from './testing/three-shot-run.ts'

const doc = starterDoc()
const INPUTS = ['image', 'prompt1', 'prompt2', 'prompt3']
const JOIN = ['sequence', 'out']

const estimate = (
  usd: number,
  toRun: readonly string[],
  cached: readonly string[] = [],
  reused: readonly string[] = [],
): Estimate => ({ toRun, cached, reused, estimate: { usd } })

describe('estimateSummary: the line above the Run button', () => {
  it('a first run of the starter: three shots and their price', () => {
    const line = estimateSummary(
      doc,
      registry,
      estimate(1.26, [...INPUTS, 'shot1', 'shot2', 'shot3', ...JOIN]),
    )
    expect(line).toBe('3 shots to generate, $1.26')
  })

  it('after an edit of shot 2’s prompt: two shots to make, shot 1 from the cache', () => {
    const line = estimateSummary(
      doc,
      registry,
      estimate(0.84, ['prompt2', 'shot2', 'shot3', ...JOIN], ['image', 'prompt1', 'shot1']),
    )
    expect(line).toBe('2 shots to generate, 1 cached, $0.84')
  })

  it('counts a shot reused from an identical one of the same run as cached', () => {
    const line = estimateSummary(
      doc,
      registry,
      estimate(0.42, ['shot3', ...JOIN], ['shot1'], ['shot2']),
    )
    expect(line).toBe('1 shot to generate, 2 cached, $0.42')
  })

  it('says when everything is cached and a run costs nothing', () => {
    const line = estimateSummary(
      doc,
      registry,
      estimate(0, [], [...INPUTS, 'shot1', 'shot2', 'shot3', ...JOIN]),
    )
    expect(line).toBe('Everything is cached: a run costs nothing')
  })

  it('with every shot cached, only the free steps run (clips reordered: the sequence joins again)', () => {
    const line = estimateSummary(
      doc,
      registry,
      estimate(0, JOIN, [...INPUTS, 'shot1', 'shot2', 'shot3']),
    )
    expect(line).toBe('No shots to generate (3 cached); 2 free steps to run, $0.00')
  })

  it('prices steps that are not shots but cost, to the digit under a cent (a FLUX start frame)', () => {
    const line = estimateSummary(doc, registry, estimate(0.003, ['image']))
    expect(line).toBe('No shots to generate; 1 step to run, $0.003')
  })

  it('ignores ids that are not shots of this workflow', () => {
    const line = estimateSummary(
      doc,
      registry,
      estimate(0.42, ['shot1', 'shot9', 'image'], ['removed']),
    )
    expect(line).toBe('1 shot to generate, $0.42')
  })
})
