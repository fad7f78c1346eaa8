import { CATALOG_ENTRIES, catalogModel, type FalModel, priceOf } from '@shotchain/fal-catalog'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makePng } from '../testing/png.ts'
import { startTestEmulator, type TestEmulator } from '../testing/test-emulator.ts'
import { waitUntilIdle } from '../testing/wait-until-idle.ts'

const VEO = 'fal-ai/veo3.1/fast/first-last-frame-to-video'
/** Typed as a plain id, so the client takes any input. */
const SCHNELL: string = 'fal-ai/flux/schnell'

let t: TestEmulator
let imageUrl: string

/** The least input a model takes: a prompt and every image field (a list with one image). */
function leastInput(model: FalModel): Record<string, unknown> {
  const input: Record<string, unknown> = { prompt: 'a lighthouse at dusk' }
  for (const field of model.inputs) {
    if (field.kind === 'media') input[field.name] = field.list ? [imageUrl] : imageUrl
  }
  return input
}

/** Runs one request and returns what the emulator billed for it in US dollars. */
async function billedFor(id: string, change: Record<string, unknown> = {}): Promise<number> {
  const model = catalogModel(id)
  if (model === undefined) throw new Error(`no catalog model ${id}`)
  await waitUntilIdle(t.emulator)
  t.emulator.resetStats()
  await t.viaFetch.subscribe(id, { input: { ...leastInput(model), ...change }, pollInterval: 10 })
  const stats = t.emulator.stats()
  expect(stats.billed).toEqual({ [id]: 1 })
  expect(stats.totals.billedUsd).toBe(stats.billedUsd[id])
  // The engine estimates with priceOf on the same wire params: the two agree to the cent.
  const estimate = priceOf(model, { ...leastInput(model), ...change }) ?? Number.NaN
  expect(Math.round((stats.billedUsd[id] ?? 0) * 100)).toBe(Math.round(estimate * 100))
  return stats.billedUsd[id] ?? 0
}

beforeAll(async () => {
  t = await startTestEmulator()
  imageUrl = await t.upload(makePng(400, 300), 'image/png', 'start.png')
})

afterAll(() => t.emulator.stop())

beforeEach(() => waitUntilIdle(t.emulator))

describe("billedUsd: the catalog's price of each request", () => {
  it.each([
    ['fal-ai/flux/schnell', 0.003], // landscape_4_3: 0.75 MP → 1 MP
    ['fal-ai/flux/dev', 0.025],
    ['fal-ai/flux-pro/kontext', 0.04],
    ['fal-ai/nano-banana/edit', 0.0398],
    ['fal-ai/kling-video/o1/standard/image-to-video', 0.42], // 5 s × 0.084
    ['fal-ai/kling-video/o1/image-to-video', 0.56], // 5 s × 0.112
    ['fal-ai/kling-video/v2.5-turbo/pro/image-to-video', 0.35], // 5 s × 0.07
    [VEO, 1.2], // 8 s × 0.15 (audio on, 720p)
  ])('%s with its defaults bills $%s', async (id, usd) => {
    expect(await billedFor(id)).toBeCloseTo(usd, 6)
  })

  it('covers every catalog entry', () => {
    expect(CATALOG_ENTRIES.map((e) => e.endpointId).sort()).toEqual(
      [
        'fal-ai/flux/schnell',
        'fal-ai/flux/dev',
        'fal-ai/flux-pro/kontext',
        'fal-ai/nano-banana/edit',
        'fal-ai/kling-video/o1/standard/image-to-video',
        'fal-ai/kling-video/o1/image-to-video',
        'fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
        VEO,
        'fal-ai/stable-audio',
      ].sort(),
    )
  })

  it('bills $0 for a model of unknown price (Stable Audio: fal bills its compute time)', async () => {
    const id = 'fal-ai/stable-audio'
    t.emulator.resetStats()
    await t.viaFetch.subscribe(id, {
      input: { prompt: 'rain', seconds_total: 1 },
      pollInterval: 10,
    })
    await waitUntilIdle(t.emulator)
    expect(t.emulator.stats()).toMatchObject({ billed: { [id]: 1 }, totals: { billedUsd: 0 } })
  })

  it.each([
    [VEO, { resolution: '4k', duration: '4s' }, 1.4], // 4 × 0.35
    [VEO, { resolution: '4k', generate_audio: false, duration: '6s' }, 1.8], // 6 × 0.30
    [VEO, { generate_audio: false, duration: '4s' }, 0.4], // 4 × 0.10
    [SCHNELL, { image_size: 'square_hd', num_images: 2 }, 0.006], // 2 × 1 MP × 0.003
    [SCHNELL, { image_size: { width: 1500, height: 1000 } }, 0.006], // 1.43 MP → 2 MP
    ['fal-ai/flux/dev', { image_size: 'portrait_16_9', num_images: 3 }, 0.075],
    ['fal-ai/flux-pro/kontext', { num_images: 2 }, 0.08],
    ['fal-ai/nano-banana/edit', { num_images: 3 }, 0.1194],
    ['fal-ai/kling-video/o1/standard/image-to-video', { duration: '3' }, 0.252],
    ['fal-ai/kling-video/v2.5-turbo/pro/image-to-video', { duration: '10' }, 0.7],
  ])('%s with %j bills $%s', async (id, change, usd) => {
    expect(await billedFor(id, change)).toBeCloseTo(usd, 6)
  })

  it('adds up per endpoint and in total, in whole micro-dollars', async () => {
    await waitUntilIdle(t.emulator)
    t.emulator.resetStats()
    const input = { ...leastInput(catalogModel(SCHNELL) as FalModel), image_size: 'square' }
    for (let i = 0; i < 3; i++) {
      await t.viaFetch.subscribe(SCHNELL, { input: { ...input, num_images: 4 }, pollInterval: 10 })
    }
    const stats = await (await fetch(`${t.emulator.url}/_emulator/stats`)).json()
    expect(stats).toMatchObject({
      billed: { [SCHNELL]: 3 },
      billedUsd: { [SCHNELL]: 0.036 },
      totals: { billed: 3, billedUsd: 0.036 },
    })
  })
})
