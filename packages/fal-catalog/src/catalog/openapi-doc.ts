/**
 * Builds an endpoint's OpenAPI document in the shape fal serves at
 * `https://fal.ai/api/openapi/queue/openapi.json?endpoint_id=ID`: the input schema behind
 * `POST /ID`, the result behind `GET /ID/requests/{request_id}`, schemas under
 * `components.schemas`. The catalog keeps each endpoint's two schemas and wraps them here, so
 * bundled and fetched schemas go through the same reader.
 */
export function falOpenApi(options: {
  readonly endpointId: string
  readonly title: string
  readonly category: string
  readonly input: object
  readonly output: object
}): Record<string, unknown> {
  const { endpointId, title, category, input, output } = options
  const json = (name: string) => ({
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
  })
  return {
    openapi: '3.0.4',
    info: { title, version: '1.0.0', 'x-fal-metadata': { endpointId, category } },
    servers: [{ url: 'https://queue.fal.run' }],
    paths: {
      [`/${endpointId}`]: {
        post: { requestBody: { required: true, ...json('Input') }, responses: {} },
      },
      [`/${endpointId}/requests/{request_id}`]: {
        get: { responses: { '200': { description: 'Result of the request.', ...json('Output') } } },
      },
    },
    components: { schemas: { Input: input, Output: output, File: FILE, Image: IMAGE } },
  }
}

/** fal's `File` result type. */
const FILE = {
  type: 'object',
  title: 'File',
  required: ['url'],
  properties: {
    url: { type: 'string', title: 'Url' },
    content_type: { type: 'string', title: 'Content Type' },
    file_name: { type: 'string', title: 'File Name' },
    file_size: { type: 'integer', title: 'File Size' },
  },
}

/** fal's `Image` result type (the toolkit marks it `ui.field: image`). */
const IMAGE = {
  type: 'object',
  title: 'Image',
  ui: { field: 'image' },
  required: ['url'],
  properties: {
    url: { type: 'string', title: 'Url' },
    width: { type: 'integer', title: 'Width' },
    height: { type: 'integer', title: 'Height' },
    content_type: { type: 'string', title: 'Content Type', default: 'image/jpeg' },
  },
}

/** `{video: File}`: what fal's video endpoints return. */
export const VIDEO_RESULT = {
  type: 'object',
  required: ['video'],
  properties: { video: { $ref: '#/components/schemas/File', title: 'Video' } },
}

/** `{images: Image[], seed, prompt}`: what fal's image endpoints return. */
export const IMAGES_RESULT = {
  type: 'object',
  required: ['images'],
  'x-fal-order-properties': ['images', 'seed', 'prompt'],
  properties: {
    images: { type: 'array', title: 'Images', items: { $ref: '#/components/schemas/Image' } },
    seed: { type: 'integer', title: 'Seed' },
    prompt: { type: 'string', title: 'Prompt' },
  },
}

/** An optional field as fal writes it: `anyOf [T, null]`, title and description on the wrapper. */
export function optional(schema: object, title: string, description?: string): object {
  return {
    anyOf: [schema, { type: 'null' }],
    title,
    ...(description === undefined ? {} : { description }),
  }
}
