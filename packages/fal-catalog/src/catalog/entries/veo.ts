import type { CatalogEntry } from '../catalog-entry.ts'
import { falOpenApi, optional, VIDEO_RESULT } from '../openapi-doc.ts'

const ID = 'fal-ai/veo3.1/fast/first-last-frame-to-video'

export const VEO_ENTRIES: readonly CatalogEntry[] = [
  {
    endpointId: ID,
    kind: 'image-to-video',
    title: 'Veo 3.1 Fast (first and last frame)',
    description:
      'Google Veo 3.1 Fast between a first and a last frame: 4, 6 or 8 s, audio optional.',
    // Per second; the rate rises with audio and at 4k.
    price: {
      unit: 'second',
      usd: 0.1,
      seconds: 'duration',
      rates: [
        { when: { resolution: '4k', generate_audio: true }, usd: 0.35 },
        { when: { resolution: '4k', generate_audio: false }, usd: 0.3 },
        { when: { generate_audio: true }, usd: 0.15 },
      ],
    },
    priceSource: {
      url: 'https://fal.ai/models/fal-ai/veo3.1/fast/first-last-frame-to-video/llms.txt',
      note: '$0.10/s audio off, $0.15/s audio on (720p, 1080p); $0.30/$0.35 at 4k; undated, seen 2026-11',
    },
    schemaSource: {
      url: 'https://github.com/rawpixel-vincent/fal-endpoint-types/blob/84b0b71/types/fal/endpoints/components.d.ts',
      date: '2026-02-27',
      note: 'generated from fal’s OpenAPI; prompt maxLength from fal-js 2026-02-03',
    },
    openapi: falOpenApi({
      endpointId: ID,
      title: 'Veo 3.1 Fast First-Last Frame to Video',
      category: 'image-to-video',
      input: {
        type: 'object',
        required: ['prompt', 'first_frame_url', 'last_frame_url'],
        'x-fal-order-properties': [
          'prompt',
          'first_frame_url',
          'last_frame_url',
          'duration',
          'aspect_ratio',
          'resolution',
          'generate_audio',
          'negative_prompt',
          'seed',
          'auto_fix',
        ],
        properties: {
          prompt: { type: 'string', title: 'Prompt', maxLength: 20000 },
          first_frame_url: {
            type: 'string',
            title: 'First Frame Url',
            description: 'URL of the first frame of the video',
          },
          last_frame_url: {
            type: 'string',
            title: 'Last Frame Url',
            description: 'URL of the last frame of the video',
          },
          duration: { type: 'string', title: 'Duration', enum: ['4s', '6s', '8s'], default: '8s' },
          aspect_ratio: {
            type: 'string',
            title: 'Aspect Ratio',
            enum: ['auto', '16:9', '9:16'],
            default: 'auto',
          },
          resolution: {
            type: 'string',
            title: 'Resolution',
            enum: ['720p', '1080p', '4k'],
            default: '720p',
          },
          generate_audio: {
            type: 'boolean',
            title: 'Generate Audio',
            default: true,
            description: 'Costs more per second.',
          },
          negative_prompt: optional({ type: 'string' }, 'Negative Prompt'),
          seed: optional({ type: 'integer' }, 'Seed'),
          auto_fix: {
            type: 'boolean',
            title: 'Auto Fix',
            default: false,
            description: 'Rewrite prompts that fail the content policy.',
          },
        },
      },
      output: VIDEO_RESULT,
    }),
  },
]
