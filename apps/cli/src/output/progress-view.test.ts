import { describe, expect, it } from 'vitest'
import { createProgressView } from './progress-view.ts'
import { TWO_SHOT_RUN } from './testing/run-events.ts'

function printed(falMode: 'fal' | 'emulator'): string[] {
  const lines: string[] = []
  const show = createProgressView((line) => lines.push(line), falMode)
  for (const event of TWO_SHOT_RUN) show(event)
  return lines
}

describe('the plain progress lines (piped, or in CI)', () => {
  it('prints one line per change, a queue position once until it moves, and the end', () => {
    expect(printed('fal')).toEqual([
      '[   0.0s] image          cached',
      '[   0.0s] prompt         queued',
      '[   0.0s] prompt         running',
      '[   0.0s] prompt         done in 0.0s',
      '[   0.0s] shot1          queued',
      '[   0.0s] shot2          queued',
      '[   0.0s] shot1          running',
      '[   0.0s] shot2          re-attaching to fal request req-old',
      '[   0.3s] shot1          submitted to fal, request req-1',
      "[   0.8s] shot1          waiting in fal's queue, position 3",
      "[   0.9s] shot2          waiting in fal's queue, position 1",
      '[   2.8s] shot1            loading model',
      '[   2.8s] shot1            sampling',
      '[  40.0s] shot1          done in 40.0s, $0.42',
      '[  41.0s] shot2          FAILED (field start): the image is too small',
      '[  41.0s] sequence       skipped: needs the result of "shot2", which failed',
      '[  41.1s] run failed: 2 ran, 1 cached, 1 failed, 1 skipped, 0 cancelled; spent $0.42',
    ])
  })

  it('says nothing was billed on the emulator', () => {
    expect(printed('emulator').at(-1)).toMatch(/spent \$0\.42 \(emulated: nothing billed\)$/)
  })
})
