import { catalogModels } from '@shotchain/fal-catalog'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { planIssues } from '../testing/plan-issues.ts'
import {
  abandonAfterSubmit,
  createTestStores,
  planWorkflow,
  runWorkflow,
} from '../testing/run-workflow.ts'
import { chainWorkflow, link, node, workflow } from '../testing/workflows.ts'
import { catalogNodes } from './catalog-nodes.ts'
import { falModelOf, falModelType } from './fal-model-node.ts'

const SCHNELL = falModelType('fal-ai/flux/schnell')
const KONTEXT = falModelType('fal-ai/flux-pro/kontext')
const KLING25 = falModelType('fal-ai/kling-video/v2.5-turbo/pro/image-to-video')
const VEO = falModelType('fal-ai/veo3.1/fast/first-last-frame-to-video')
const NANO = falModelType('fal-ai/nano-banana/edit')

describe('fal model nodes from the catalog', () => {
  it('make one node per catalog model but Kling O1 (the hand-written kling-o1-i2v)', () => {
    const ids = catalogModels().map((m) => m.endpointId)
    expect(catalogNodes.map((s) => falModelOf(s)?.endpointId)).toEqual(
      ids.filter((id) => !id.startsWith('fal-ai/kling-video/o1/')),
    )
  })

  it.each(catalogNodes.map((spec) => [spec.type, spec] as const))(
    '%s: ports, params and role',
    (_, spec) => {
      const defaults = spec.params.parse({})
      expect({
        title: spec.title,
        category: spec.category,
        idStem: spec.idStem,
        inputs: spec.inputs,
        outputs: spec.outputs,
        wireFields: spec.wireFields,
        role: spec.role && {
          ...spec.role,
          durationSec: spec.role.kind === 'shot' ? spec.role.durationSec(defaults) : undefined,
        },
        defaults,
        costOfDefaults: spec.cost?.(defaults),
        params: z.toJSONSchema(spec.params),
      }).toMatchSnapshot()
    },
  )

  it('refuses bad params naming the node and the field, before anything is paid', async () => {
    const doc = workflow(
      [
        node('t2i', SCHNELL, { prompt: 'a lighthouse', num_images: 5, image_size: 'huge' }),
        node('shot', KLING25, { duration: '7' }),
        node('shot2', KLING25, { duration: '10' }),
      ],
      [link('t2i.image', 'shot.image'), link('shot.lastFrame', 'shot2.image')],
    )
    const issues = await planIssues(doc)
    const said = issues.map((i) => `${i.nodeId}.${i.field}: ${i.message}`)
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^t2i\.num_images: .*at most 4/),
        expect.stringMatching(/^t2i\.image_size: .*square_hd/),
        expect.stringMatching(/^shot\.duration: .*"5", "10"/),
        expect.stringMatching(/^shot2\.prompt: needs a prompt: type one, or connect a Prompt node/),
      ]),
    )
  })

  it('needs both of Veo’s frames connected: its required image ports', async () => {
    const doc = workflow(
      [node('img', 'image-source', { path: 'a.png' }), node('veo', VEO, { prompt: 'dawn' })],
      [link('img.image', 'veo.first_frame')],
    )
    const issues = await planIssues(doc)
    expect(issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ nodeId: 'veo', field: 'last_frame' })]),
    )
  })

  it('refuses an image under the catalog’s known limits before paying, naming the port', async () => {
    const stores = createTestStores()
    stores.services.files.set('tiny.png', { content: 'tiny', width: 200, height: 200 })
    const doc = workflow(
      [node('img', 'image-source', { path: 'tiny.png' }), node('shot', KLING25, { prompt: 'go' })],
      [link('img.image', 'shot.image')],
    )
    const { result } = await runWorkflow(doc, stores)
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'validation',
        nodeId: 'shot',
        field: 'image',
        message: expect.stringMatching(/200×200 px.*300 px/),
      }),
    ])
    expect(stores.services.fal.jobs).toEqual([])
  })

  it('chains a generated start frame, an edited end frame and two video models', async () => {
    const stores = createTestStores()
    const doc = workflow(
      [
        node('t2i', SCHNELL, { prompt: 'a lighthouse at dawn' }),
        node('edit', KONTEXT, { prompt: 'the same lighthouse at night' }),
        node('p', 'prompt', { text: '@Image1 the light comes on, @Image2' }),
        node('shot1', 'kling-o1-i2v', { duration: 5 }),
        node('shot2', KLING25, { prompt: 'the camera pulls back', duration: '10' }),
        node('seq', 'sequence'),
      ],
      [
        link('t2i.image', 'edit.image'),
        link('t2i.image', 'shot1.start'),
        link('edit.image', 'shot1.end'),
        link('p.text', 'shot1.prompt'),
        link('shot1.lastFrame', 'shot2.image'),
        link('shot1.video', 'seq.clips', 0),
        link('shot2.video', 'seq.clips', 1),
      ],
    )
    const { plan, result } = await runWorkflow(doc, stores)
    // schnell 1 MP at landscape_4_3 + Kontext 1 image + Kling O1 5 s + Kling 2.5 10 s.
    expect(plan.estimate.usd).toBe(1.163)
    expect(result.status).toBe('succeeded')
    expect(result.spentUsd).toBeCloseTo(plan.estimate.usd, 6)
    const jobs = stores.services.fal.jobs
    expect(jobs.map((j) => j.endpoint)).toEqual([
      'fal-ai/flux/schnell',
      'fal-ai/flux-pro/kontext',
      'fal-ai/kling-video/o1/standard/image-to-video',
      'fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
    ])
    expect(jobs[0]?.input).toEqual({
      prompt: 'a lighthouse at dawn',
      image_size: 'landscape_4_3',
      num_inference_steps: 4,
      guidance_scale: 3.5,
      num_images: 1,
      output_format: 'jpeg',
      enable_safety_checker: true,
    })
    expect(jobs[1]?.input).toMatchObject({ image_url: expect.stringMatching(/^https:/) })
    expect(jobs[3]?.input).toMatchObject({ image_url: expect.any(String), duration: '10' })
    // Shot 2 starts on shot 1's last frame: the sequence drops that repeated frame.
    expect(result.outputs.get('seq')?.video).toMatchObject({ durationSec: (15 * 24 - 1) / 24 })

    const again = await runWorkflow(doc, stores)
    expect(again.plan.estimate).toMatchObject({ usd: 0, run: 0 })
    expect(stores.services.fal.jobs).toHaveLength(4)
  })

  it('sends a list port as an array in edge order (nano-banana’s image_urls)', async () => {
    const stores = createTestStores()
    stores.services.files.set('a.png', { content: 'a' })
    stores.services.files.set('b.png', { content: 'b' })
    const doc = workflow(
      [
        node('a', 'image-source', { path: 'a.png' }),
        node('b', 'image-source', { path: 'b.png' }),
        node('edit', NANO, { prompt: 'merge them' }),
      ],
      [link('b.image', 'edit.images', 1), link('a.image', 'edit.images', 0)],
    )
    const { result } = await runWorkflow(doc, stores)
    expect(result.status).toBe('succeeded')
    const urls = stores.services.fal.jobs[0]?.input.image_urls as string[]
    expect(urls).toHaveLength(2)
    expect(urls.map((url) => decodeURIComponent(url).split('/').pop())).toEqual([
      'image:a',
      'image:b',
    ])
  })

  it('leaves an old Kling-only workflow as it was: it plans, and keys as before the catalog', async () => {
    const planned = await planWorkflow(chainWorkflow({ shots: 2 }), createTestStores())
    if (!planned.ok) throw new Error(planned.issues.map((i) => i.message).join('\n'))
    const keys = Object.fromEntries(planned.plan.nodes.map((n) => [n.id, n.cacheKey]))
    // Computed by the build before the catalog (commit f99883d), on the same workflow.
    expect(keys).toMatchObject({
      shot1: '2d958e27553a5bd048f988e06e391c1c8dd85fa3473c2aa0978a001590131aa3',
      shot2: '579c298f5ea37f873239e4a9514a48a4dc507a14ef6949393c5c2a990c888eb2',
    })
    // The sequence's key changed on purpose with its version 2 (trims, crossfades, repeats dropped).
    expect(keys.seq).not.toBe('1d39ccca0c101c64bbe2f2ed54724ebf05092de2e605ea3bf1203e4cbcb8e203')
  })

  it('re-attaches to the request a killed run paid for, like the Kling node', async () => {
    const stores = createTestStores()
    const doc = workflow([node('t2i', SCHNELL, { prompt: 'a harbour at night' })], [])
    await abandonAfterSubmit(doc, stores)
    expect(stores.journal.list()).toMatchObject([{ state: 'submitted', requestId: 'req-1' }])

    const { plan, result } = await runWorkflow(doc, stores)
    expect(plan.estimate).toMatchObject({ resumed: 1, resumedUsd: 0.003 })
    expect(result.status).toBe('succeeded')
    expect(result.spentUsd).toBe(0)
    expect(stores.services.fal.jobs).toHaveLength(1)
    expect(result.outputs.get('t2i')?.image).toMatchObject({ hash: 'image:image:req-1' })
    expect(stores.journal.list()).toEqual([])
  })
})
