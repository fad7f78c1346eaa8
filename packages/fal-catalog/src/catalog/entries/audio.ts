import type { CatalogEntry } from '../catalog-entry.ts'
import { falOpenApi } from '../openapi-doc.ts'

const ID = 'fal-ai/stable-audio'
const LLMS_TXT = 'https://fal.ai/models/fal-ai/stable-audio/llms.txt'

/** `{audio_file: File}`: what Stable Audio returns. */
const AUDIO_FILE_RESULT = {
  type: 'object',
  required: ['audio_file'],
  properties: {
    audio_file: {
      $ref: '#/components/schemas/File',
      title: 'Audio File',
      description: 'The generated audio clip',
    },
  },
}

/**
 * Stable Audio Open: music or sound from a prompt, up to 47 s, for a sequence's soundtrack. No
 * price: fal bills it by compute time (its page says "$0 per compute seconds"), which the catalog
 * cannot know before the run, so its estimate is unknown and a budget refuses it unless allowed.
 */
export const AUDIO_ENTRIES: readonly CatalogEntry[] = [
  {
    endpointId: ID,
    kind: 'text-to-audio',
    title: 'Stable Audio Open',
    description: 'Stable Audio Open: music or sound from a prompt, up to 47 s (price unknown).',
    priceSource: {
      url: LLMS_TXT,
      note: 'billed per compute second, no per-output price; undated, seen 2026-12',
    },
    schemaSource: {
      url: LLMS_TXT,
      note: 'input and output schema as listed; undated, seen 2026-12',
    },
    openapi: falOpenApi({
      endpointId: ID,
      title: 'Stable Audio Open',
      category: 'text-to-audio',
      input: {
        type: 'object',
        required: ['prompt'],
        'x-fal-order-properties': ['prompt', 'seconds_start', 'seconds_total', 'steps'],
        properties: {
          prompt: {
            type: 'string',
            title: 'Prompt',
            description: 'The prompt to generate audio from',
            examples: ['128 BPM tech house drum loop'],
          },
          seconds_start: {
            type: 'integer',
            title: 'Seconds Start',
            description: 'The start point of the audio clip to generate',
            minimum: 0,
            maximum: 47,
            default: 0,
          },
          seconds_total: {
            type: 'integer',
            title: 'Seconds Total',
            description: 'The duration of the audio clip to generate',
            minimum: 0,
            maximum: 47,
            default: 30,
          },
          steps: {
            type: 'integer',
            title: 'Steps',
            description: 'The number of steps to denoise the audio for',
            minimum: 2,
            maximum: 1000,
            default: 100,
          },
        },
      },
      output: AUDIO_FILE_RESULT,
    }),
  },
]
