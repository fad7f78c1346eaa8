import { falOpenApi, modelOfSchema } from '@shotchain/fal-catalog'
import { describe, expect, it } from 'vitest'
import { createFakeServices } from '../testing/fake-services.ts'
import { modelOutputs } from './model-media.ts'

/** A fetched video model whose result declares a clip and, after it, a separate sound. */
const TALKIE = modelOfSchema(
  'acme/talkie',
  falOpenApi({
    endpointId: 'acme/talkie',
    title: 'Talkie',
    category: 'text-to-video',
    input: { type: 'object', required: ['prompt'], properties: { prompt: { type: 'string' } } },
    output: {
      type: 'object',
      properties: {
        video: { $ref: '#/components/schemas/File' },
        audio: { $ref: '#/components/schemas/File' },
      },
    },
  }),
)

function outputsOf(result: unknown) {
  const services = createFakeServices()
  const clip = {
    kind: 'video',
    hash: 'v',
    contentType: 'video/mp4',
    sizeBytes: 1,
    width: 8,
    height: 8,
    durationSec: 2,
  } as const
  services.urls.set('https://fal.media/clip.mp4', clip)
  const context = {
    nodeId: 'talk',
    requestId: 'req-1',
    media: services.media,
    signal: new AbortController().signal,
  }
  return modelOutputs(TALKIE, result, context)
}

describe('modelOutputs', () => {
  it('takes what the model makes, and leaves out a later declared file the result lacks', async () => {
    expect(TALKIE.outputs.map((output) => output.media)).toEqual(['video', 'audio'])
    const outputs = await outputsOf({ video: { url: 'https://fal.media/clip.mp4' } })
    expect(Object.keys(outputs).sort()).toEqual(['lastFrame', 'video'])
  })

  it("is fal's failure when the result lacks what the model makes, naming the request", async () => {
    await expect(outputsOf({ audio: { url: 'https://fal.media/a.wav' } })).rejects.toMatchObject({
      code: 'server',
      message: 'fal finished request req-1 for node "talk" without video in its result',
    })
  })
})
