import type { RunEvent, RunPlan } from '@shotchain/engine'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeTerminal } from '../testing/fake-terminal.ts'
import { startLiveView } from './live-view.ts'
import { TWO_SHOT_RUN } from './testing/run-events.ts'

/** Just what the view reads of a plan: each node's type and expected cost. */
const PLAN = {
  nodes: [
    { id: 'prompt', spec: { type: 'prompt' }, costUsd: 0 },
    { id: 'shot1', spec: { type: 'kling-o1-i2v' }, costUsd: 0.42 },
    { id: 'shot2', spec: { type: 'kling-o1-i2v' }, costUsd: 0.42 },
    { id: 'sequence', spec: { type: 'sequence' }, costUsd: 0 },
  ],
} as unknown as RunPlan

let clock = 0
beforeEach(() => {
  // Only the view's own tick: the headless terminal draws with real timers.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  clock = 1000
})
afterEach(() => vi.useRealTimers())

function start(signal = new AbortController().signal) {
  const terminal = createFakeTerminal(120, 20)
  terminal.stream.write('estimate: 4 to run\n')
  const view = startLiveView({
    terminal: terminal.stream,
    plan: PLAN,
    falMode: 'fal',
    signal,
    now: () => clock,
    tickMs: 100,
  })
  const play = (until: (e: RunEvent) => boolean) => {
    for (const event of TWO_SHOT_RUN) {
      clock = event.at
      view.show(event)
      if (until(event)) return
    }
  }
  return { terminal, view, play }
}

describe('the live view on a terminal', () => {
  it('redraws the same lines in place under what was printed before', async () => {
    const { terminal, play } = start()
    play((e) => e.type === 'run-started')
    expect(await terminal.screen()).toEqual([
      'estimate: 4 to run',
      '· prompt         prompt         waiting',
      '· shot1          kling-o1-i2v   waiting                              ~$0.42',
      '· shot2          kling-o1-i2v   waiting                              ~$0.42',
      '· sequence       sequence       waiting',
      '[   0.0s] 4 to run: 4 waiting; 1 cached; spent $0.00 of ~$0.84',
    ])
    play((e) => e.type === 'node-progress' && e.at === 3800)
    const screen = await terminal.screen()
    expect(screen).toHaveLength(6)
    expect(screen[2]).toMatch(/shot1 +kling-o1-i2v +running at fal .* 2\.8s +\$0\.42 sampling$/)
    expect(screen[5]).toMatch(/^\[ {3}2\.8s\] 4 to run: 1 succeeded, 2 running, 1 waiting/)
  })

  it('moves the elapsed times on its own between events, and stops at the end', async () => {
    const { terminal, play } = start()
    play((e) => e.type === 'node-progress' && e.at === 3800)
    clock += 5_000
    vi.advanceTimersByTime(100)
    expect((await terminal.screen())[2]).toMatch(/ 7\.8s +\$0\.42 sampling$/)

    play(() => false)
    const end = await terminal.screen()
    expect(end).toHaveLength(6)
    expect(end[3]).toMatch(/^✖ shot2 .*\(field start\) the image is too small$/)
    expect(end[5]).toBe(
      '[  41.1s] run failed: 2 ran, 1 cached, 1 failed, 1 skipped, 0 cancelled; spent $0.42',
    )
    const writes = terminal.writes()
    vi.advanceTimersByTime(1_000)
    expect(terminal.writes()).toBe(writes)
    terminal.stream.write('wrote out/manifest.json\n')
    expect((await terminal.screen()).at(-1)).toBe('wrote out/manifest.json')
  })

  it('says it is cancelling as soon as Ctrl+C is pressed', async () => {
    const ctrlC = new AbortController()
    const { terminal, play } = start(ctrlC.signal)
    play((e) => e.type === 'node-submitted')
    ctrlC.abort()
    expect((await terminal.screen()).at(-1)).toMatch(/^cancelling: asking fal to cancel/)
  })

  it('leaves its last frame and stops redrawing when closed before the run ends', async () => {
    const { terminal, view, play } = start()
    play((e) => e.type === 'node-submitted')
    view.close()
    view.close()
    const writes = terminal.writes()
    vi.advanceTimersByTime(1_000)
    expect(terminal.writes()).toBe(writes)
    expect(await terminal.screen()).toHaveLength(6)
  })
})
