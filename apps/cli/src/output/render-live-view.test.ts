import { emptyRunState, foldRunEvent, type RunEvent } from '@shotchain/engine'
import { describe, expect, it } from 'vitest'
import { formatDuration, type LiveFrame, renderLiveView } from './render-live-view.ts'
import { TWO_SHOT_RUN } from './testing/run-events.ts'

const FACTS = new Map([
  ['prompt', { type: 'prompt', estimateUsd: 0 }],
  ['shot1', { type: 'kling-o1-i2v', estimateUsd: 0.42 }],
  ['shot2', { type: 'kling-o1-i2v', estimateUsd: 0.42 }],
  ['sequence', { type: 'sequence', estimateUsd: 0 }],
])

/** The view after the events up to `seq`, drawn at `now` (the fixture's run starts at 1000). */
function frame(seq: number, now: number, more: Partial<LiveFrame> = {}): string[] {
  const run = TWO_SHOT_RUN.filter((e) => e.seq <= seq).reduce(foldRunEvent, emptyRunState())
  return renderLiveView({
    run,
    facts: FACTS,
    now,
    columns: 120,
    falMode: 'fal',
    cancelling: false,
    ...more,
  })
}

const seqOf = (match: (e: RunEvent) => boolean) => TWO_SHOT_RUN.find(match)?.seq ?? Number.NaN
const WHILE_SHOT1_RUNS = seqOf((e) => e.type === 'node-progress' && e.at === 3800)

describe('renderLiveView', () => {
  it('draws a line per working node and a total, waiting nodes with what they will cost', () => {
    expect(frame(1, 1000)).toEqual([
      '· prompt         prompt         waiting',
      '· shot1          kling-o1-i2v   waiting                              ~$0.42',
      '· shot2          kling-o1-i2v   waiting                              ~$0.42',
      '· sequence       sequence       waiting',
      '[   0.0s] 4 to run: 4 waiting; 1 cached; spent $0.00 of ~$0.84',
    ])
  })

  it("shows fal's queue position, the running time and the newest log line", () => {
    const lines = frame(WHILE_SHOT1_RUNS, 13_005)
    expect(lines[0]).toBe('✔ prompt         prompt         succeeded        [==========]   0.0s')
    expect(lines[1]).toMatch(
      /^. shot1 +kling-o1-i2v +running at fal +\[ *=== *\] +12\.0s +\$0\.42 sampling$/,
    )
    expect(lines[2]).toBe(
      "⠋ shot2          kling-o1-i2v   in fal's queue   [          ]  12.0s ~$0.42 position 1, request req-old (already paid)",
    )
    expect(lines[4]).toBe(
      // shot1's submit is spent the moment it is made.
      '[  12.0s] 4 to run: 1 succeeded, 2 running, 1 waiting; 1 cached; spent $0.42 of ~$0.84',
    )
  })

  it('sweeps the bar of a job that reports no fraction, without a percentage', () => {
    const bars = [0, 150, 300, 1050, 1200].map(
      (t) => frame(WHILE_SHOT1_RUNS, 1005 + t)[1]?.match(/\[.{10}\]/)?.[0],
    )
    expect(bars).toEqual([
      '[===       ]',
      '[ ===      ]',
      '[  ===     ]',
      '[       ===]',
      '[      === ]',
    ])
    expect(frame(WHILE_SHOT1_RUNS, 5000)[1]).not.toMatch(/%/)
  })

  it('ends with what failed and why, what was skipped, and the run’s totals', () => {
    expect(frame(TWO_SHOT_RUN.length, 99_000)).toEqual([
      '✔ prompt         prompt         succeeded        [==========]   0.0s',
      '✔ shot1          kling-o1-i2v   succeeded        [==========]  40.0s  $0.42',
      '✖ shot2          kling-o1-i2v   failed                         41.0s        (field start) the image is too small',
      '↷ sequence       sequence       skipped                                     needs the result of "shot2", which failed',
      '[  41.1s] run failed: 2 ran, 1 cached, 1 failed, 1 skipped, 0 cancelled; spent $0.42',
    ])
  })

  it('cuts node lines to the terminal width, and says when it is cancelling', () => {
    const lines = frame(WHILE_SHOT1_RUNS, 13_005, { columns: 40, cancelling: true })
    for (const line of lines.slice(0, 4)) expect([...line].length).toBeLessThanOrEqual(40)
    expect(lines[2]).toBe("⠋ shot2          kling-o1-i2v   in fal'…")
    expect(lines.at(-1)).toMatch(/^cancelling: asking fal to cancel running jobs/)
    expect(frame(TWO_SHOT_RUN.length, 99_000, { cancelling: true }).at(-1)).toMatch(/^\[/)
  })

  it('says that nothing is billed on the emulator', () => {
    expect(frame(1, 1000, { falMode: 'emulator' }).at(-1)).toMatch(
      /of ~\$0\.84 \(emulated: nothing billed\)$/,
    )
  })
})

describe('formatDuration', () => {
  it('reads as seconds, then minutes, then hours', () => {
    expect([0, 4_240, 65_000, 3_725_000].map(formatDuration)).toEqual([
      '0.0s',
      '4.2s',
      '1m05s',
      '1h02m',
    ])
  })
})
