import { describe, expect, it } from 'vitest'
import { catalogModel, catalogModels } from '../catalog/catalog.ts'
import { megapixels, priceOf } from './price-of.ts'

const model = (id: string) => {
  const found = catalogModel(id)
  if (found === undefined) throw new Error(`no ${id}`)
  return found
}

describe('priceOf', () => {
  it('prices every priced catalog model at its defaults, and records where each price came from', () => {
    const unpriced = catalogModels().filter((m) => m.price === undefined)
    // Billed by compute time: no price the catalog could state (see its entry).
    expect(unpriced.map((m) => m.endpointId)).toEqual(['fal-ai/stable-audio'])
    for (const m of catalogModels()) {
      if (m.price !== undefined) expect(priceOf(m, {}), m.endpointId).toBeGreaterThan(0)
      expect(m.priceSource?.url, m.endpointId).toMatch(/^https:\/\//)
      expect(m.schemaSource?.url, m.endpointId).toMatch(/^https:\/\//)
    }
  })

  it('bills per second of the duration field: numeric strings and strings with a unit', () => {
    expect(priceOf(model('fal-ai/kling-video/o1/standard/image-to-video'), { duration: '5' })).toBe(
      0.42,
    )
    expect(priceOf(model('fal-ai/kling-video/o1/image-to-video'), { duration: '10' })).toBe(1.12)
    expect(
      priceOf(model('fal-ai/kling-video/v2.5-turbo/pro/image-to-video'), { duration: '10' }),
    ).toBe(0.7)
  })

  it('takes Veo’s rate from its audio and resolution params', () => {
    const veo = model('fal-ai/veo3.1/fast/first-last-frame-to-video')
    expect(priceOf(veo, {})).toBe(1.2) // 8 s with audio at 720p
    expect(priceOf(veo, { duration: '4s', generate_audio: false })).toBe(0.4)
    expect(priceOf(veo, { duration: '6s', resolution: '4k' })).toBe(2.1)
    expect(priceOf(veo, { duration: '6s', resolution: '4k', generate_audio: false })).toBe(1.8)
  })

  it('bills whole megapixels (1024 × 1024 px) per image, and images by count', () => {
    expect(megapixels(1024, 768)).toBe(1)
    expect(megapixels(1024, 1024)).toBe(1)
    expect(megapixels(1025, 1024)).toBe(2)
    const schnell = model('fal-ai/flux/schnell')
    expect(priceOf(schnell, { image_size: 'square_hd', num_images: 2 })).toBe(0.006)
    expect(priceOf(schnell, { image_size: { width: 2048, height: 1024 } })).toBe(0.006)
    expect(priceOf(model('fal-ai/flux-pro/kontext'), { num_images: 3 })).toBe(0.12)
  })
})
