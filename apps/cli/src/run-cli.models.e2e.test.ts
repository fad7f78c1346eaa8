import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createMediaTools } from '@shotchain/media'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliHarness, createCliHarness } from './testing/cli-harness.ts'

let h: CliHarness
const media = createMediaTools()
const OUT = () => join(h.dir, 'out', 'generated-start-frame')

beforeAll(async () => {
  h = await createCliHarness()
}, 60_000)

afterAll(() => h?.emulator.stop())

interface Manifest {
  shots: { node: string; durationSec: number; costUsd: number; cached: boolean }[]
}

describe('examples/generated-start-frame.json, offline', () => {
  it('chains a generated start frame, an edited key frame and two video models', async () => {
    const { code, out, err } = await h.run('run', 'generated-start-frame.json', '--yes')
    expect(err).toBe('')
    expect(code).toBe(0)
    // FLUX schnell 1 MP + Kling O1 5 s + Kontext 1 image + Kling O1 5 s + Kling 2.5 5 s.
    expect(out).toMatch(/frame +fal:fal-ai\/flux\/schnell +run, \$0\.003/)
    expect(out).toMatch(/estimate: 9 to run, 0 cached, \$1\.23 /)
    const stats = h.emulator.stats()
    expect(stats.totals.submits).toBe(5)
    // What the emulator billed, by the catalog's unit prices, is the estimate to the cent.
    expect(stats.totals.billedUsd).toBeCloseTo(1.233, 6)
    expect(stats.billedUsd).toEqual({
      'fal-ai/flux/schnell': 0.003,
      'fal-ai/flux-pro/kontext': 0.04,
      'fal-ai/kling-video/o1/standard/image-to-video': 0.84,
      'fal-ai/kling-video/v2.5-turbo/pro/image-to-video': 0.35,
    })

    const manifest: Manifest = JSON.parse(await readFile(join(OUT(), 'manifest.json'), 'utf8'))
    expect(manifest.shots.map((s) => s.node)).toEqual(['shot-1', 'shot-2', 'shot-3'])
    const sum = manifest.shots.reduce((total, s) => total + s.durationSec, 0)
    expect(sum).toBe(15)
    const sequence = await media.probe(join(OUT(), 'generated-start-frame.mp4'))
    expect(Math.abs(sequence.durationSec - sum)).toBeLessThanOrEqual(0.2)
  }, 180_000)

  it('pays nothing the second time', async () => {
    const before = h.emulator.stats().totals
    const again = await h.run('run', 'generated-start-frame.json', '--yes')
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/estimate: 0 to run, 9 cached, \$0\.00/)
    expect(h.emulator.stats().totals).toMatchObject({
      submits: before.submits,
      billedUsd: before.billedUsd,
    })
  }, 60_000)
})
