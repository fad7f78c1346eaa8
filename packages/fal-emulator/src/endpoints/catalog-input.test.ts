import { catalogModel, type FalModel } from '@shotchain/fal-catalog'
import { describe, expect, it } from 'vitest'
import { parseCatalogInput } from './catalog-input.ts'
import { type FalErrorDetail, ModelError } from './fal-errors.ts'

function modelOf(id: string): FalModel {
  const model = catalogModel(id)
  if (model === undefined) throw new Error(`no catalog model ${id}`)
  return model
}

const SCHNELL = modelOf('fal-ai/flux/schnell')
const NANO = modelOf('fal-ai/nano-banana/edit')
const VEO = modelOf('fal-ai/veo3.1/fast/first-last-frame-to-video')
const KLING_25 = modelOf('fal-ai/kling-video/v2.5-turbo/pro/image-to-video')

/** The 422 entries parsing `body` throws (fails the test when it does not throw). */
function errorsOf(model: FalModel, body: unknown): FalErrorDetail[] {
  try {
    parseCatalogInput(model, body)
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError)
    expect((error as ModelError).status).toBe(422)
    return (error as ModelError).detail
  }
  throw new Error('expected a 422')
}

const brief = (detail: FalErrorDetail[]) => detail.map((d) => [d.loc, d.type])

describe('parseCatalogInput', () => {
  it('fills the schema defaults, keeps given values and drops fields fal does not know', () => {
    const params = parseCatalogInput(SCHNELL, { prompt: 'a fox', num_images: 2, colour: 'red' })
    expect(params).toMatchObject({
      prompt: 'a fox',
      num_images: 2,
      image_size: 'landscape_4_3',
      num_inference_steps: 4,
      enable_safety_checker: true,
    })
    expect(params).not.toHaveProperty('colour')
    expect(params).not.toHaveProperty('seed')
  })

  it('reads values the lax way pydantic does: "3" is an integer, "false" a boolean', () => {
    const params = parseCatalogInput(SCHNELL, { prompt: 'x', num_images: '3', sync_mode: 'false' })
    expect(params).toMatchObject({ num_images: 3, sync_mode: false })
  })

  it('reports every missing required field at once', () => {
    expect(brief(errorsOf(VEO, { duration: '4s' }))).toEqual([
      [['body', 'prompt'], 'missing'],
      [['body', 'first_frame_url'], 'missing'],
      [['body', 'last_frame_url'], 'missing'],
    ])
  })

  it('names a body that is not an object', () => {
    expect(brief(errorsOf(VEO, [1, 2]))).toEqual([[['body'], 'model_attributes_type']])
  })

  it.each([
    ['a number as prompt', { prompt: 5 }, ['body', 'prompt'], 'string_type'],
    ['a fraction as num_images', { num_images: 1.5 }, ['body', 'num_images'], 'int_from_float'],
    ['a word as num_images', { num_images: 'two' }, ['body', 'num_images'], 'int_parsing'],
    ['a list as guidance_scale', { guidance_scale: [3] }, ['body', 'guidance_scale'], 'float_type'],
    ['a word as a boolean', { sync_mode: 'maybe' }, ['body', 'sync_mode'], 'bool_parsing'],
    ['an object as a boolean', { sync_mode: {} }, ['body', 'sync_mode'], 'bool_type'],
    ['an unknown output format', { output_format: 'gif' }, ['body', 'output_format'], 'enum'],
    ['too many images', { num_images: 5 }, ['body', 'num_images'], 'less_than_equal'],
    [
      'too few steps',
      { num_inference_steps: 0 },
      ['body', 'num_inference_steps'],
      'greater_than_equal',
    ],
    ['an unknown size preset', { image_size: 'huge' }, ['body', 'image_size'], 'enum'],
    ['a number as size', { image_size: 7 }, ['body', 'image_size'], 'model_type'],
    [
      'a side over 14142',
      { image_size: { width: 20000, height: 8 } },
      ['body', 'image_size', 'width'],
      'less_than_equal',
    ],
    [
      'a side of 0',
      { image_size: { width: 64, height: 0 } },
      ['body', 'image_size', 'height'],
      'greater_than',
    ],
  ])('refuses %s', (_name, change, loc, type) => {
    const [entry, ...rest] = errorsOf(SCHNELL, { prompt: 'x', ...change })
    expect(rest).toEqual([])
    expect(entry).toMatchObject({ loc, type })
    expect(entry?.msg).toMatch(/^Input should be/)
  })

  it('puts the allowed values and bounds in msg and ctx', () => {
    const [duration] = errorsOf(KLING_25, { prompt: 'x', image_url: 'u', duration: '7' })
    expect(duration).toMatchObject({ msg: "Input should be '5' or '10'", input: '7' })
    const [cfg] = errorsOf(KLING_25, { prompt: 'x', image_url: 'u', cfg_scale: 1.5 })
    expect(cfg).toMatchObject({ loc: ['body', 'cfg_scale'], ctx: { le: 1 } })
  })

  it('checks text length both ways', () => {
    const [short] = errorsOf(NANO, { prompt: 'hi', image_urls: ['u'] })
    expect(short).toMatchObject({
      loc: ['body', 'prompt'],
      type: 'string_too_short',
      ctx: { min_length: 3 },
    })
    const [long] = errorsOf(KLING_25, { prompt: 'x'.repeat(2501), image_url: 'u' })
    expect(long).toMatchObject({
      loc: ['body', 'prompt'],
      type: 'string_too_long',
      ctx: { max_length: 2500 },
    })
  })

  it('wants media fields as URL strings, a list field as a list of them (loc with the index)', () => {
    expect(brief(errorsOf(KLING_25, { prompt: 'x', image_url: { url: 'u' } }))).toEqual([
      [['body', 'image_url'], 'string_type'],
    ])
    expect(brief(errorsOf(NANO, { prompt: 'edit', image_urls: 'u' }))).toEqual([
      [['body', 'image_urls'], 'list_type'],
    ])
    expect(brief(errorsOf(NANO, { prompt: 'edit', image_urls: ['u', 3] }))).toEqual([
      [['body', 'image_urls', 1], 'string_type'],
    ])
  })

  it('takes null as left out for an optional field, not for a required one', () => {
    expect(
      parseCatalogInput(VEO, {
        prompt: 'x',
        first_frame_url: 'a',
        last_frame_url: 'b',
        seed: null,
      }),
    ).not.toHaveProperty('seed')
    expect(brief(errorsOf(KLING_25, { prompt: null, image_url: 'u' }))).toEqual([
      [['body', 'prompt'], 'string_type'],
    ])
  })
})
