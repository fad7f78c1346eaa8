import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createMediaTools } from '@shotchain/media'
import { openStore } from '@shotchain/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliHarness, createCliHarness, shortShots } from './testing/cli-harness.ts'

let h: CliHarness
const media = createMediaTools()

beforeAll(async () => {
  h = await createCliHarness()
  await h.editWorkflow('three-shot-chain.json', (doc) => shortShots(doc))
}, 60_000)

afterAll(() => h?.emulator.stop())

interface Manifest {
  files: Record<string, string>
  shots: { node: string; requestId?: string; cached: boolean; video?: string; costUsd: number }[]
}

async function manifest(): Promise<Manifest> {
  return JSON.parse(await readFile(join(h.dir, 'out', 'three-shot-chain', 'manifest.json'), 'utf8'))
}

describe('shotchain run, end to end on the emulator', () => {
  it('makes one sequence of the three chained shots', async () => {
    const { code, out, err } = await h.run('run', 'three-shot-chain.json')
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out.split('\n')[0]).toMatch(/emulator/)
    expect(out).toMatch(/estimate: 9 to run, 0 cached, \$0\.76/)
    expect(h.submits()).toBe(3)

    const video = join(h.dir, 'out', 'three-shot-chain', 'three-shot-chain.mp4')
    expect((await media.probe(video)).durationSec).toBeCloseTo(9, 0)
    expect(Math.abs((await media.probe(video)).durationSec - 9)).toBeLessThanOrEqual(0.2)

    // Shot k+1 starts where shot k ended.
    const store = openStore(h.home)
    const { shots } = await manifest()
    const paths = shots.map((s) => store.media.pathOf(s.video ?? '') as string)
    for (let k = 0; k + 1 < paths.length; k++) {
      const last = join(h.dir, `last-${k}.png`)
      const first = join(h.dir, `first-${k + 1}.png`)
      await media.extractFrame(paths[k] as string, 'last', last)
      await media.extractFrame(paths[k + 1] as string, 'first', first)
      expect(await media.psnr(last, first)).toBeGreaterThanOrEqual(30)
    }
    store.close()
    expect(shots.map((s) => s.requestId)).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ])
  }, 120_000)

  it('pays nothing the second time, and for shots 2 and 3 only after shot 2 is edited', async () => {
    const before = h.submits()
    const again = await h.run('run', 'three-shot-chain.json')
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/estimate: 0 to run/)
    expect(h.submits()).toBe(before)

    await h.editWorkflow('three-shot-chain.json', (doc) => {
      const prompt = doc.nodes.find((n) => n.id === 'prompt2')
      if (prompt) prompt.params.text = '@Image1: the lighthouse beam sweeps through heavy rain'
    })
    const edited = await h.run('estimate', 'three-shot-chain.json')
    expect(edited.out).toMatch(/shot1\s+kling-o1-i2v\s+cached/)
    const run = await h.run('run', 'three-shot-chain.json')
    expect(run.code).toBe(0)
    expect(h.submits()).toBe(before + 2)
    const shots = (await manifest()).shots
    expect(shots.map((s) => s.cached)).toEqual([true, false, false])
  }, 120_000)
})
