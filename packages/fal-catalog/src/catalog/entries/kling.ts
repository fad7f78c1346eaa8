import type { CatalogEntry } from '../catalog-entry.ts'
import { falOpenApi, optional, VIDEO_RESULT } from '../openapi-doc.ts'

const O1_SCHEMA_SOURCE = {
  url: 'https://github.com/fal-ai/fal-js/blob/5324132/libs/client/src/types/video/zod.gen.ts',
  date: '2026-02-03',
  note: 'zKlingVideoO1ImageToVideoInput; limits text from fal’s API page of the standard tier',
}

/** Kling's own image limits (third-party docs of the model); fal's 2.5 schema states none. */
const KLING_IMAGE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  minWidth: 300,
  minHeight: 300,
  minAspect: 0.4,
  maxAspect: 2.5,
}

/** Kling O1 image to video: both tiers share one schema. */
function klingO1Input() {
  return {
    type: 'object',
    required: ['prompt', 'start_image_url'],
    'x-fal-order-properties': ['prompt', 'start_image_url', 'end_image_url', 'duration'],
    properties: {
      prompt: {
        type: 'string',
        title: 'Prompt',
        maxLength: 2500,
        description: 'Use @Image1 for the start frame and @Image2 for the end frame.',
      },
      start_image_url: {
        type: 'string',
        title: 'Start Image Url',
        description:
          'Image to use as the first frame of the video. Max file size: 10.0MB, Min width: 300px, Min height: 300px, Min aspect ratio: 0.40, Max aspect ratio: 2.50, Timeout: 20.0s',
      },
      end_image_url: optional(
        { type: 'string' },
        'End Image Url',
        'Image to use as the last frame of the video.',
      ),
      duration: {
        type: 'string',
        title: 'Duration',
        enum: ['3', '4', '5', '6', '7', '8', '9', '10'],
        default: '5',
        description: 'Video duration in seconds.',
      },
    },
  }
}

export const KLING_ENTRIES: readonly CatalogEntry[] = [
  {
    endpointId: 'fal-ai/kling-video/o1/standard/image-to-video',
    kind: 'image-to-video',
    title: 'Kling O1 (standard)',
    description: 'Start and optional end frame to a 3–10 s clip; prompt with @Image1/@Image2.',
    price: { unit: 'second', usd: 0.084, seconds: 'duration' },
    priceSource: {
      url: 'https://fal.ai/models/fal-ai/kling-video/o1/standard/image-to-video/llms.txt',
      date: '2026-11',
      note: '"$0.084 per seconds"; the page is undated, seen 2026-11',
    },
    schemaSource: O1_SCHEMA_SOURCE,
    openapi: falOpenApi({
      endpointId: 'fal-ai/kling-video/o1/standard/image-to-video',
      title: 'Kling O1 Standard Image to Video',
      category: 'image-to-video',
      input: klingO1Input(),
      output: VIDEO_RESULT,
    }),
  },
  {
    endpointId: 'fal-ai/kling-video/o1/image-to-video',
    kind: 'image-to-video',
    title: 'Kling O1 (pro)',
    description: 'Kling O1’s pro tier: same inputs, higher quality, a higher price per second.',
    price: { unit: 'second', usd: 0.112, seconds: 'duration' },
    priceSource: {
      url: 'https://fal.ai/models/fal-ai/kling-video/o1/image-to-video',
      date: '2026-11',
      note: 'fal’s model page, as quoted in shared/reference/fal-protocol.md §8.1',
    },
    schemaSource: O1_SCHEMA_SOURCE,
    openapi: falOpenApi({
      endpointId: 'fal-ai/kling-video/o1/image-to-video',
      title: 'Kling O1 Image to Video',
      category: 'image-to-video',
      input: klingO1Input(),
      output: VIDEO_RESULT,
    }),
  },
  {
    endpointId: 'fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
    kind: 'image-to-video',
    title: 'Kling 2.5 Turbo (pro)',
    description:
      'Kling 2.5 Turbo: a start image and optional tail (end) image to a 5 or 10 s clip.',
    price: { unit: 'second', usd: 0.07, seconds: 'duration' },
    priceSource: {
      url: 'https://fal.ai/models/fal-ai/kling-video/v2.5-turbo/pro/image-to-video/llms.txt',
      note: '"$0.35 for 5s … every additional second $0.07": $0.07/s at the 5 and 10 s it allows; undated, seen 2026-11',
    },
    schemaSource: {
      url: 'https://github.com/fal-ai/fal-js/blob/5324132/libs/client/src/types/video/zod.gen.ts',
      date: '2026-02-03',
      note: 'aspect_ratio left out: absent from fal-js 2026-02 and 2026-08 and from the llms.txt',
    },
    // fal's schema states none; Kling's own limits as third-party docs give them (docs.gptproto.com, novita.ai).
    limits: { image_url: KLING_IMAGE_LIMITS, tail_image_url: KLING_IMAGE_LIMITS },
    openapi: falOpenApi({
      endpointId: 'fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
      title: 'Kling Video v2.5 Turbo Pro Image to Video',
      category: 'image-to-video',
      input: {
        type: 'object',
        required: ['prompt', 'image_url'],
        'x-fal-order-properties': [
          'prompt',
          'image_url',
          'tail_image_url',
          'duration',
          'negative_prompt',
          'cfg_scale',
        ],
        properties: {
          prompt: { type: 'string', title: 'Prompt', maxLength: 2500 },
          image_url: {
            type: 'string',
            title: 'Image Url',
            description: 'URL of the image to be used for the video',
          },
          tail_image_url: optional(
            { type: 'string' },
            'Tail Image Url',
            'URL of the image to be used for the end of the video',
          ),
          duration: {
            type: 'string',
            title: 'Duration',
            enum: ['5', '10'],
            default: '5',
            description: 'The duration of the generated video in seconds',
          },
          negative_prompt: {
            type: 'string',
            title: 'Negative Prompt',
            maxLength: 2500,
            default: 'blur, distort, and low quality',
          },
          cfg_scale: {
            type: 'number',
            title: 'Cfg Scale',
            minimum: 0,
            maximum: 1,
            default: 0.5,
            description: 'How closely the model sticks to the prompt.',
          },
        },
      },
      output: VIDEO_RESULT,
    }),
  },
]
