import { describe, expect, it } from 'vitest'
import type { NodeServices } from '../services.ts'
import { fakeImage } from '../testing/fake-services.ts'
import { planIssues as issuesOf } from '../testing/plan-issues.ts'
import { fakeRunContext } from '../testing/run-context.ts'
import { abandonAfterSubmit, createTestStores, runWorkflow } from '../testing/run-workflow.ts'
import { chainWorkflow, link, node, workflow } from '../testing/workflows.ts'
import { klingO1I2vNode } from './kling-o1-i2v.ts'

/** One shot from `img`, with an optional end frame from `img2`. */
function oneShot(text: string, options: { end?: boolean; shot?: Record<string, unknown> } = {}) {
  return workflow(
    [
      node('img', 'image-source', { path: 'frames/start.png' }),
      node('img2', 'image-source', { path: 'frames/end.png' }),
      node('p', 'prompt', { text }),
      node('shot', 'kling-o1-i2v', options.shot ?? {}),
    ],
    [
      link('img.image', 'shot.start'),
      link('p.text', 'shot.prompt'),
      ...(options.end === true ? [link('img2.image', 'shot.end')] : []),
    ],
  )
}

describe('kling-o1-i2v', () => {
  it('re-attaches to the request a killed run paid for instead of submitting again', async () => {
    const stores = createTestStores()
    const { fal } = stores.services
    await abandonAfterSubmit(chainWorkflow({ shots: 1 }), stores)
    expect(stores.journal.list()).toMatchObject([{ state: 'submitted', requestId: 'req-1' }])
    const uploads = fal.urlOfCalls.length

    const { plan, result } = await runWorkflow(chainWorkflow({ shots: 1 }), stores)
    // At most $0.42 (only if fal lost req-1); nothing is paid.
    expect(plan.estimate).toMatchObject({ usd: 0.42, resumedUsd: 0.42, resumed: 1 })
    expect(result.status).toBe('succeeded')
    expect(result.spentUsd).toBe(0)
    expect(fal.jobs).toHaveLength(1)
    expect(fal.waits).toEqual(['req-1', 'req-1'])
    expect(fal.urlOfCalls).toHaveLength(uploads)
    expect(result.outputs.get('shot1')?.video).toMatchObject({ hash: 'clip:req-1' })
    expect(stores.journal.list()).toEqual([])
  })

  it('refuses a 200×200 start image before paying, naming "start"', async () => {
    const stores = createTestStores()
    stores.services.files.set('frames/start.png', { content: 'tiny', width: 200, height: 200 })
    const { result, events } = await runWorkflow(chainWorkflow({ shots: 3 }), stores)

    expect(result.status).toBe('failed')
    expect(result.errors).toEqual([
      {
        code: 'validation',
        nodeId: 'shot1',
        field: 'start',
        message: expect.stringMatching(/shot1.*200×200 px.*300 px/),
      },
    ])
    expect(stores.services.fal.jobs).toHaveLength(0)
    expect(stores.services.fal.urlOfCalls).toHaveLength(0)
    const skipped = events.flatMap((e) => (e.type === 'node-skipped' ? [e.nodeId] : []))
    expect(skipped).toEqual(expect.arrayContaining(['shot2', 'shot3', 'seq', 'out']))
  })

  it('names "end" when the end frame is too narrow (3:1)', async () => {
    const stores = createTestStores()
    stores.services.files.set('frames/end.png', { content: 'wide', width: 1500, height: 500 })
    const { result } = await runWorkflow(oneShot('@Image1 to @Image2', { end: true }), stores)
    expect(result.errors[0]).toMatchObject({ nodeId: 'shot', field: 'end', code: 'validation' })
    expect(result.errors[0]?.message).toContain('aspect ratio')
    expect(stores.services.fal.jobs).toHaveLength(0)
  })

  it('sends the end frame, uploaded before the submit, when one is connected', async () => {
    const stores = createTestStores()
    const { result } = await runWorkflow(
      oneShot('@Image1 becomes @Image2', { end: true, shot: { duration: 8, tier: 'pro' } }),
      stores,
    )
    expect(result.status).toBe('succeeded')
    expect(stores.services.fal.urlOfCalls.map((m) => m.hash)).toEqual([
      'image:start v1',
      'image:end v1',
    ])
    expect(stores.services.fal.jobs).toEqual([
      {
        requestId: 'req-1',
        endpoint: 'fal-ai/kling-video/o1/image-to-video',
        input: {
          prompt: '@Image1 becomes @Image2',
          start_image_url: 'https://fake.fal/storage/image%3Astart%20v1',
          end_image_url: 'https://fake.fal/storage/image%3Aend%20v1',
          duration: '8',
        },
      },
    ])
    expect(result.spentUsd).toBeCloseTo(8 * 0.112, 9)
  })

  it('refuses @Image2 with no end frame at planning, naming the node and "end"', async () => {
    const issues = await issuesOf(oneShot('@Image1 turns into @Image2'))
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'node-check',
        severity: 'error',
        nodeId: 'shot',
        field: 'end',
        path: 'nodes[3]',
        message: expect.stringContaining('"p" names @Image2'),
      }),
    ])
  })

  it('hints when the prompt names neither frame, without refusing the run', async () => {
    const issues = await issuesOf(oneShot('a slow pan over the sea'))
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', nodeId: 'shot', field: 'prompt' }),
    ])
    expect(await issuesOf(oneShot('@image1 a slow pan'))).toEqual([])
  })

  it.each([
    [{ duration: 11 }, 'nodes[3].params.duration', 'at most 10'],
    [{ duration: 2 }, 'nodes[3].params.duration', 'at least 3'],
    [{ duration: 4.5 }, 'nodes[3].params.duration', 'whole number'],
    [{ tier: 'ultra' }, 'nodes[3].params.tier', '"standard" or "pro"'],
  ])('refuses params %o with an issue at %s', async (shot, path, words) => {
    const issues = await issuesOf(oneShot('@Image1', { shot }))
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'invalid-param',
        path,
        message: expect.stringContaining(words),
      }),
    ])
  })

  it('costs duration × the tier price', () => {
    expect(klingO1I2vNode.cost?.({ duration: 5, tier: 'standard' })).toBeCloseTo(0.42, 9)
    expect(klingO1I2vNode.cost?.({ duration: 10, tier: 'pro' })).toBeCloseTo(1.12, 9)
  })

  it('passes fal progress on and fails as fal’s fault when the result has no video', async () => {
    const stores = createTestStores()
    const { fal } = stores.services
    const ctx = fakeRunContext(
      { duration: 5, tier: 'standard' as const },
      { start: fakeImage('s'), prompt: '@Image1' },
      stores.services,
    )
    const wait = fal.wait
    fal.wait = async (endpoint, requestId, options) => {
      await wait(endpoint, requestId, options)
      return { video: {} }
    }
    await expect(klingO1I2vNode.run(ctx)).rejects.toMatchObject({ code: 'server', field: 'video' })
    expect(ctx.progressed).toEqual([{ status: 'queued', queuePosition: 0 }])
  })
})

describe('kling-o1-i2v cache identity', () => {
  it('keys a clip by which fal made it, so emulator clips never pass for Kling ones', async () => {
    const params = { duration: 5, tier: 'standard' as const }
    const abort = new AbortController().signal
    const as = (mode: 'fal' | 'emulator') =>
      klingO1I2vNode.fingerprint?.(params, { fal: { mode } } as NodeServices, abort)
    expect(await as('fal')).not.toBe(await as('emulator'))
  })
})
