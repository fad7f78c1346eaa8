import { describe, expect, it } from 'vitest'
import { fakeImage } from '../testing/fake-services.ts'
import { planIssues } from '../testing/plan-issues.ts'
import { createTestStores, runWorkflow } from '../testing/run-workflow.ts'
import { node, workflow } from '../testing/workflows.ts'

const source = (params: Record<string, unknown>) =>
  workflow(
    [node('img', 'image-source', params), node('out', 'output', { name: 'still' })],
    [{ id: 'e', from: { node: 'img', port: 'image' }, to: { node: 'out', port: 'image' } }],
  )

describe('image-source', () => {
  it.each([
    [{}, 'nodes[0].params.path', 'browse for one, or give its url'],
    [{ path: 'a.png', url: 'https://x.test/a.png' }, 'nodes[0].params.url', 'not both'],
    [{ url: 'ftp://x.test/a.png' }, 'nodes[0].params.url', 'http:// or https://'],
    [{ url: 'https://' }, 'nodes[0].params.url', 'http:// or https://'],
    [{ path: '' }, 'nodes[0].params.path', 'must not be empty'],
  ])('refuses params %o with an issue at %s', async (params, path, words) => {
    expect(await planIssues(source(params))).toEqual([
      expect.objectContaining({
        code: 'invalid-param',
        path,
        message: expect.stringContaining(words),
      }),
    ])
  })

  it('refuses a file it cannot read before the run, naming "path"', async () => {
    expect(await planIssues(source({ path: 'missing.png' }))).toEqual([
      expect.objectContaining({
        nodeId: 'img',
        path: 'nodes[0].params.path',
        message: expect.stringContaining('the image file "missing.png" cannot be read'),
      }),
    ])
  })

  it('imports a url, and gives no file fingerprint for it', async () => {
    const stores = createTestStores()
    stores.services.urls.set('https://x.test/a.png', fakeImage('remote'))
    const { result } = await runWorkflow(source({ url: 'https://x.test/a.png' }), stores)
    expect(result.outputs.get('img')).toEqual({ image: fakeImage('remote') })
    expect(stores.services.calls.hashFile).toEqual([])
  })

  it('refuses a file that is not an image, naming "path"', async () => {
    const stores = createTestStores()
    stores.services.files.set('clip.mp4', { content: 'clip', contentType: 'video/mp4' })
    const { result } = await runWorkflow(source({ path: 'clip.mp4' }), stores)
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'validation', nodeId: 'img', field: 'path' }),
    ])
    expect(result.errors[0]?.message).toBe(
      'the image file "clip.mp4" is an MP4 video, not an image; use a PNG, JPEG or WebP file',
    )
  })
})
