import { describe, expect, it } from 'vitest'
import { priceOf } from '../../price/price-of.ts'
import { catalogModel, catalogModels, modelOfSchema, searchModels } from '../catalog.ts'
import { falOpenApi } from '../openapi-doc.ts'
import { AUDIO_ENTRIES } from './audio.ts'

const ID = 'fal-ai/stable-audio'

describe('the Stable Audio entry', () => {
  it('reads as a text-to-audio model: a prompt, its ranges, and an audio result', () => {
    const model = catalogModel(ID)
    expect(model).toMatchObject({ kind: 'text-to-audio', title: 'Stable Audio Open' })
    expect(model?.inputs).toEqual([
      expect.objectContaining({ name: 'prompt', kind: 'text', required: true }),
      expect.objectContaining({ name: 'seconds_start', kind: 'number', min: 0, max: 47 }),
      expect.objectContaining({
        name: 'seconds_total',
        kind: 'number',
        integer: true,
        min: 0,
        max: 47,
        default: 30,
        required: false,
      }),
      expect.objectContaining({ name: 'steps', kind: 'number', min: 2, max: 1000, default: 100 }),
    ])
    expect(model?.outputs).toEqual([{ name: 'audio_file', media: 'audio', list: false }])
  })

  it('has no price (fal bills it by compute time), so any request is priced unknown', () => {
    const model = catalogModel(ID)
    expect(model?.price).toBeUndefined()
    expect(model?.priceSource?.note).toMatch(/compute second/)
    expect(model && priceOf(model, { prompt: 'rain', seconds_total: 10 })).toBeUndefined()
  })

  it('is found by its kind, and a fetched audio schema gets the same kind', () => {
    expect(searchModels(catalogModels(), 'text-to-audio').map((m) => m.endpointId)).toEqual([ID])
    const openapi = AUDIO_ENTRIES[0]?.openapi
    expect(modelOfSchema(ID, openapi).kind).toBe('text-to-audio')
    // Without fal's category, a model that takes no file and makes a sound is text to audio.
    const uncategorised = falOpenApi({
      endpointId: 'acme/tone',
      title: 'Tone',
      category: 'misc',
      input: { type: 'object', properties: { prompt: { type: 'string' } } },
      output: {
        type: 'object',
        properties: { audio: { $ref: '#/components/schemas/File' } },
      },
    })
    expect(modelOfSchema('acme/tone', uncategorised).kind).toBe('text-to-audio')
  })
})
