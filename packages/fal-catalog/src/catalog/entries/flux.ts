import type { CatalogEntry } from '../catalog-entry.ts'
import { falOpenApi, IMAGES_RESULT, optional } from '../openapi-doc.ts'

const SIZES = [
  'square_hd',
  'square',
  'portrait_4_3',
  'portrait_16_9',
  'landscape_4_3',
  'landscape_16_9',
]

/** Fields every FLUX endpoint here takes alike (text to image and Kontext's edit). */
export const FLUX_SHARED_FIELDS = {
  guidance_scale: {
    type: 'number',
    title: 'Guidance scale (CFG)',
    minimum: 1,
    maximum: 20,
    default: 3.5,
  },
  num_images: { type: 'integer', title: 'Num Images', minimum: 1, maximum: 4, default: 1 },
  seed: optional({ type: 'integer' }, 'Seed'),
  output_format: { type: 'string', title: 'Output Format', enum: ['jpeg', 'png'], default: 'jpeg' },
}

/** FLUX text to image: schnell and dev share fields; steps differ. */
function fluxInput(steps: { default: number; max: number }) {
  return {
    type: 'object',
    required: ['prompt'],
    'x-fal-order-properties': [
      'prompt',
      'image_size',
      'num_inference_steps',
      'guidance_scale',
      'num_images',
      'seed',
      'output_format',
      'enable_safety_checker',
      'sync_mode',
    ],
    properties: {
      prompt: {
        type: 'string',
        title: 'Prompt',
        description: 'The prompt to generate an image from.',
      },
      image_size: {
        title: 'Image Size',
        default: 'landscape_4_3',
        anyOf: [
          {
            type: 'object',
            title: 'ImageSize',
            properties: {
              width: { type: 'integer', maximum: 14142, default: 512, title: 'Width' },
              height: { type: 'integer', maximum: 14142, default: 512, title: 'Height' },
            },
          },
          { type: 'string', enum: SIZES },
        ],
      },
      num_inference_steps: {
        type: 'integer',
        title: 'Num Inference Steps',
        minimum: 1,
        maximum: steps.max,
        default: steps.default,
      },
      ...FLUX_SHARED_FIELDS,
      enable_safety_checker: { type: 'boolean', title: 'Enable Safety Checker', default: true },
      sync_mode: { type: 'boolean', title: 'Sync Mode', default: false },
    },
  }
}

const FLUX_SCHEMA_SOURCE = {
  url: 'https://github.com/fal-ai/fal-js/blob/5324132/libs/client/src/types/image/zod.gen.ts',
  date: '2026-02-03',
  note: 'zFluxSchnellInput / zFluxDevInput; preset sizes from fal’s docs (third-party tables agree)',
}

export const FLUX_ENTRIES: readonly CatalogEntry[] = [
  {
    endpointId: 'fal-ai/flux/schnell',
    kind: 'text-to-image',
    title: 'FLUX.1 [schnell]',
    description: 'Fast, cheap text to image in 1–4 steps: drafts and start frames.',
    price: { unit: 'megapixel', usd: 0.003, size: 'image_size', count: 'num_images' },
    priceSource: {
      url: 'https://skillspool.org/zh/skills/joernstoehler-dnd-claude-code-claude-skills-fal-flux-prompting-skill-md',
      date: '2026-09-09',
      note: 'third-party only (a FAL_PRICING table “verified 2026-09-09 against fal’s pricing API” agrees); 1 MP taken as 1024×1024 px',
    },
    schemaSource: FLUX_SCHEMA_SOURCE,
    openapi: falOpenApi({
      endpointId: 'fal-ai/flux/schnell',
      title: 'FLUX.1 [schnell]',
      category: 'text-to-image',
      input: fluxInput({ default: 4, max: 12 }),
      output: IMAGES_RESULT,
    }),
  },
  {
    endpointId: 'fal-ai/flux/dev',
    kind: 'text-to-image',
    title: 'FLUX.1 [dev]',
    description: 'Higher-quality text to image in 28 steps, billed per megapixel.',
    price: { unit: 'megapixel', usd: 0.025, size: 'image_size', count: 'num_images' },
    priceSource: {
      url: 'https://fal.ai/models/fal-ai/flux-1/dev/playground',
      note: '"$0.025 per megapixel … rounding up to the nearest megapixel" (the page of fal-ai/flux-1/dev; third-party tables give fal-ai/flux/dev the same); undated, seen 2026-11',
    },
    schemaSource: FLUX_SCHEMA_SOURCE,
    openapi: falOpenApi({
      endpointId: 'fal-ai/flux/dev',
      title: 'FLUX.1 [dev]',
      category: 'text-to-image',
      input: fluxInput({ default: 28, max: 50 }),
      output: IMAGES_RESULT,
    }),
  },
]
