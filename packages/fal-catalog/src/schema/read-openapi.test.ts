import { describe, expect, it } from 'vitest'
import { falOpenApi } from '../catalog/openapi-doc.ts'
import { readOpenApi, SchemaError } from './read-openapi.ts'

const ID = 'acme/model'

function read(input: object, output: object = { type: 'object', properties: {} }) {
  return readOpenApi(falOpenApi({ endpointId: ID, title: 'T', category: 'x', input, output }), ID)
}

describe('readOpenApi', () => {
  it('finds media fields by fal’s markers first, then by fal’s naming rule', () => {
    const { inputs } = read({
      type: 'object',
      properties: {
        source: { type: 'string', _fal_ui_field: 'image' },
        clip: { type: 'string', ui: { field: 'video' } },
        refs: { type: 'array', items: { type: 'string', _fal_ui_field: 'image' } },
        first_frame_url: { type: 'string' },
        audio_url: { type: 'string' },
        website_url: { type: 'string' },
        image_urls: { type: 'array', items: { type: 'string' } },
      },
    })
    const media = Object.fromEntries(
      inputs.map((f) => [f.name, f.kind === 'media' ? `${f.media}${f.list ? '[]' : ''}` : f.kind]),
    )
    expect(media).toEqual({
      source: 'image',
      clip: 'video',
      refs: 'image[]',
      first_frame_url: 'image',
      audio_url: 'audio',
      // A URL field of no media kind stays text.
      website_url: 'text',
      image_urls: 'image[]',
    })
  })

  it('unwraps optional fields, keeps fal’s order, enums, ranges and defaults', () => {
    const { inputs } = read({
      type: 'object',
      required: ['prompt'],
      'x-fal-order-properties': ['prompt', 'seed', 'duration'],
      properties: {
        duration: { type: 'string', enum: ['4s', '8s'], default: '8s' },
        seed: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }], title: 'Seed' },
        prompt: { type: 'string', maxLength: 2500 },
      },
    })
    expect(inputs).toEqual([
      { name: 'prompt', title: 'Prompt', required: true, kind: 'text', maxLength: 2500 },
      { name: 'seed', title: 'Seed', required: false, kind: 'number', integer: true, min: 0 },
      {
        name: 'duration',
        title: 'Duration',
        required: false,
        default: '8s',
        kind: 'enum',
        values: ['4s', '8s'],
      },
    ])
  })

  it('reads input limits from fal’s description text and from x-fal', () => {
    const { inputs } = read({
      type: 'object',
      properties: {
        start_image_url: {
          type: 'string',
          description:
            'Start. Max file size: 10.0MB, Min width: 300px, Min height: 300px, Min aspect ratio: 0.40, Max aspect ratio: 2.50, Timeout: 20.0s',
        },
        end_image_url: { type: 'string', 'x-fal': { max_file_size: 5000, max_width: 4096 } },
      },
    })
    expect(inputs.map((f) => (f.kind === 'media' ? f.limits : undefined))).toEqual([
      { maxBytes: 10 * 1024 * 1024, minWidth: 300, minHeight: 300, minAspect: 0.4, maxAspect: 2.5 },
      { maxBytes: 5000, maxWidth: 4096 },
    ])
  })

  it('reads result files: a video, an image list, and skips plain fields', () => {
    const { outputs } = read(
      { type: 'object', properties: {} },
      {
        type: 'object',
        properties: {
          video: { $ref: '#/components/schemas/File' },
          images: { type: 'array', items: { $ref: '#/components/schemas/Image' } },
          seed: { type: 'integer' },
        },
      },
    )
    expect(outputs).toEqual([
      { name: 'video', media: 'video', list: false },
      { name: 'images', media: 'image', list: true },
    ])
  })

  it('says which endpoint and part is missing in a schema it cannot read', () => {
    expect(() => readOpenApi({ paths: {} }, ID)).toThrow(SchemaError)
    expect(() => readOpenApi({ paths: {} }, ID)).toThrow(/acme\/model has no input object/)
  })
})
