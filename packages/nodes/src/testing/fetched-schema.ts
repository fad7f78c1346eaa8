const ID = 'acme/motion/image-to-video'

const OPENAPI = {
  openapi: '3.0.4',
  info: { title: 'Acme Motion', 'x-fal-metadata': { endpointId: ID, category: 'image-to-video' } },
  paths: {
    [`/${ID}`]: {
      post: {
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/MotionInput' } } },
        },
      },
    },
    [`/${ID}/requests/{request_id}`]: {
      get: {
        responses: {
          '200': {
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/MotionOutput' } },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      MotionInput: {
        type: 'object',
        required: ['prompt', 'source'],
        properties: {
          prompt: { type: 'string', title: 'Prompt' },
          source: { type: 'string', title: 'Source', _fal_ui_field: 'image' },
          duration: { type: 'integer', enum: [4, 8], default: 4, title: 'Duration' },
        },
      },
      MotionOutput: {
        type: 'object',
        properties: { video: { $ref: '#/components/schemas/VideoFile' } },
      },
      VideoFile: { type: 'object', properties: { url: { type: 'string' } } },
    },
  },
}

/**
 * fal's OpenAPI document of an image-to-video endpoint the catalog does not bundle (so its price
 * is unknown), as fal serves it: its image field marked by `_fal_ui_field`, not by its name.
 */
export const FETCHED_SCHEMA = { endpointId: ID, openapi: OPENAPI } as const
