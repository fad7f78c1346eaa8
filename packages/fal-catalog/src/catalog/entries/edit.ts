import type { CatalogEntry } from '../catalog-entry.ts'
import { falOpenApi, IMAGES_RESULT, optional } from '../openapi-doc.ts'
import { FLUX_SHARED_FIELDS } from './flux.ts'

const RATIOS = ['21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '9:21']
const TOLERANCE = ['1', '2', '3', '4', '5', '6']

export const EDIT_ENTRIES: readonly CatalogEntry[] = [
  {
    endpointId: 'fal-ai/flux-pro/kontext',
    kind: 'image-edit',
    title: 'FLUX.1 Kontext [pro]',
    description: 'Edits one image by a prompt: same scene, new pose, light or time of day.',
    price: { unit: 'image', usd: 0.04, count: 'num_images' },
    priceSource: {
      url: 'https://fal.ai/models/fal-ai/flux-pro/kontext/llms.txt',
      note: '"$0.04 per images"; undated, seen 2026-11 (a third-party table verified 2026-09-09 agrees)',
    },
    schemaSource: {
      url: 'https://github.com/fal-ai/fal-js/blob/5324132/libs/client/src/types/image/zod.gen.ts',
      date: '2026-02-03',
      note: 'zFluxProKontextInput',
    },
    openapi: falOpenApi({
      endpointId: 'fal-ai/flux-pro/kontext',
      title: 'FLUX.1 Kontext [pro]',
      category: 'image-to-image',
      input: {
        type: 'object',
        required: ['prompt', 'image_url'],
        'x-fal-order-properties': [
          'prompt',
          'image_url',
          'aspect_ratio',
          'guidance_scale',
          'num_images',
          'seed',
          'output_format',
          'safety_tolerance',
          'enhance_prompt',
          'sync_mode',
        ],
        properties: {
          prompt: { type: 'string', title: 'Prompt', description: 'What to change in the image.' },
          image_url: { type: 'string', title: 'Image URL', description: 'The image to edit.' },
          aspect_ratio: optional({ type: 'string', enum: RATIOS }, 'Aspect Ratio'),
          ...FLUX_SHARED_FIELDS,
          safety_tolerance: {
            type: 'string',
            title: 'Safety Tolerance',
            enum: TOLERANCE,
            default: '2',
          },
          enhance_prompt: { type: 'boolean', title: 'Enhance Prompt', default: false },
          sync_mode: { type: 'boolean', title: 'Sync Mode', default: false },
        },
      },
      output: IMAGES_RESULT,
    }),
  },
  {
    endpointId: 'fal-ai/nano-banana/edit',
    kind: 'image-edit',
    title: 'Nano Banana edit',
    description: 'Google’s Gemini image edit: one or more images and a prompt.',
    price: { unit: 'image', usd: 0.0398, count: 'num_images' },
    priceSource: {
      url: 'https://fal.ai/models/fal-ai/nano-banana/edit',
      date: '2026-09-09',
      note: 'no first-party price found: from a third-party FAL_PRICING table “verified 2026-09-09 against fal’s pricing API” (see docs/fal-catalog-research.md)',
    },
    schemaSource: {
      url: 'https://github.com/rawpixel-vincent/fal-endpoint-types/blob/84b0b71/types/fal/endpoints/components.d.ts',
      date: '2026-02-27',
    },
    openapi: falOpenApi({
      endpointId: 'fal-ai/nano-banana/edit',
      title: 'Nano Banana Edit',
      category: 'image-to-image',
      input: {
        type: 'object',
        required: ['prompt', 'image_urls'],
        'x-fal-order-properties': [
          'prompt',
          'image_urls',
          'aspect_ratio',
          'num_images',
          'output_format',
          'safety_tolerance',
          'seed',
          'sync_mode',
        ],
        properties: {
          prompt: { type: 'string', title: 'Prompt', minLength: 3, maxLength: 50000 },
          image_urls: {
            type: 'array',
            title: 'Image URLs',
            items: { type: 'string', _fal_ui_field: 'image' },
            description: 'The images to edit.',
          },
          aspect_ratio: {
            type: 'string',
            title: 'Aspect Ratio',
            enum: ['auto', ...RATIOS, '5:4', '4:5'],
            default: 'auto',
          },
          num_images: {
            type: 'integer',
            title: 'Number of Images',
            minimum: 1,
            maximum: 4,
            default: 1,
          },
          output_format: {
            type: 'string',
            title: 'Output Format',
            enum: ['jpeg', 'png', 'webp'],
            default: 'png',
          },
          safety_tolerance: {
            type: 'string',
            title: 'Safety Tolerance',
            enum: TOLERANCE,
            default: '4',
          },
          seed: optional({ type: 'integer' }, 'Seed'),
          sync_mode: { type: 'boolean', title: 'Sync Mode', default: false },
        },
      },
      output: {
        ...IMAGES_RESULT,
        'x-fal-order-properties': ['images', 'description'],
        properties: {
          images: IMAGES_RESULT.properties.images,
          description: { type: 'string', title: 'Description' },
        },
      },
    }),
  },
]
