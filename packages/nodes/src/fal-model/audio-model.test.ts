import { falOpenApi, modelOfSchema } from '@shotchain/fal-catalog'
import { describe, expect, it } from 'vitest'
import { createTestStores, runWorkflow, type TestStores } from '../testing/run-workflow.ts'
import { link, node, workflow } from '../testing/workflows.ts'
import { catalogNodes } from './catalog-nodes.ts'
import { falModelNode, falModelType } from './fal-model-node.ts'

const AUDIO = falModelType('fal-ai/stable-audio')
const KLING25 = falModelType('fal-ai/kling-video/v2.5-turbo/pro/image-to-video')

/** A fetched audio-to-audio schema: its `audio_url` field is an `audio` input port. */
const DUB = modelOfSchema(
  'acme/dub',
  falOpenApi({
    endpointId: 'acme/dub',
    title: 'Dub',
    category: 'audio-to-audio',
    input: {
      type: 'object',
      required: ['prompt', 'audio_url'],
      properties: { prompt: { type: 'string' }, audio_url: { type: 'string', title: 'Audio' } },
    },
    output: { type: 'object', properties: { audio: { $ref: '#/components/schemas/File' } } },
  }),
)

/** A shot from the start frame and Stable Audio under it, in a sequence. */
function scoredShot() {
  return workflow(
    [
      node('img', 'image-source', { path: 'frames/start.png' }),
      node('shot', KLING25, { prompt: 'the tide comes in', duration: '5' }),
      node('music', AUDIO, { prompt: 'slow strings', seconds_total: 12 }),
      node('seq', 'sequence'),
    ],
    [
      link('img.image', 'shot.image'),
      link('shot.video', 'seq.clips', 0),
      link('music.audio', 'seq.soundtrack'),
    ],
  )
}

async function run(stores: TestStores, doc = scoredShot(), allowUnknownPrice?: boolean) {
  const allow = allowUnknownPrice === undefined ? {} : { allowUnknownPrice }
  return runWorkflow(doc, stores, { budgetUsd: 5, ...allow })
}

describe('a fal audio model as a node', () => {
  it('Stable Audio has a prompt in and a sound out, and no shot role', () => {
    const spec = catalogNodes.find((s) => s.type === AUDIO)
    expect(spec?.outputs).toEqual({ audio: { type: 'audio', label: 'Sound' } })
    expect(spec?.inputs).toEqual({ prompt: { type: 'text', label: 'Prompt' } })
    expect(spec).toMatchObject({ category: 'audio', idStem: 'audio' })
    expect(spec?.role).toBeUndefined()
  })

  it('takes an audio field on an audio port and sends the stored sound’s URL', async () => {
    const spec = falModelNode(DUB)
    expect(spec.inputs).toMatchObject({ audio: { type: 'audio', required: true } })
    const stores = createTestStores()
    stores.registry.register(spec)
    stores.services.files.set('theme.wav', { content: 'theme', contentType: 'audio/wav' })
    const doc = workflow(
      [
        node('src', 'audio-source', { path: 'theme.wav' }),
        node('dub', 'fal:acme/dub', { prompt: 'as a choir' }),
      ],
      [link('src.audio', 'dub.audio')],
    )
    await run(stores, doc, true)
    const [job] = stores.services.fal.jobs
    expect(job?.input.audio_url).toMatch(/^https:\/\/fake\.fal\/storage\/image%3Atheme$/)
    expect(stores.services.fal.urlOfCalls).toMatchObject([
      { kind: 'audio', contentType: 'audio/wav' },
    ])
  })

  it('feeds a sequence’s soundtrack: the sound is imported and laid under the picture', async () => {
    const stores = createTestStores()
    const { plan, result } = await run(stores, scoredShot(), true)
    expect(plan.nodes.find((n) => n.id === 'music')).toMatchObject({ priceUnknown: true })
    expect(plan.estimate).toMatchObject({ unknownPrice: 1, usd: 0.35 })
    expect(result.status).toBe('succeeded')
    const music = stores.services.fal.jobs.find((j) => j.endpoint === 'fal-ai/stable-audio')
    expect(music?.input).toEqual({
      prompt: 'slow strings',
      seconds_start: 0,
      seconds_total: 12,
      steps: 100,
    })
    expect(result.outputs.get('music')?.audio).toMatchObject({ kind: 'audio', durationSec: 12 })
    const [list] = stores.services.calls.stitch
    expect(list?.soundtrack).toMatchObject({ media: { kind: 'audio', durationSec: 12 } })
  })

  it('its unknown price is refused under a budget before Stable Audio is sent anything', async () => {
    const stores = createTestStores()
    const { result } = await run(stores)
    expect(result.status).toBe('failed')
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'over-budget', nodeId: 'music' }),
    ])
    expect(stores.services.fal.jobs.map((j) => j.endpoint)).not.toContain('fal-ai/stable-audio')
  })
})
