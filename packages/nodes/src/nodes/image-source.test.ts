import { describe, expect, it } from 'vitest'
import { fakeImage } from '../testing/fake-services.ts'
import { createTestStores, runWorkflow } from '../testing/run-workflow.ts'
import { node, workflow } from '../testing/workflows.ts'

const source = (params: Record<string, unknown>) =>
  workflow(
    [node('img', 'image-source', params), node('out', 'output', { name: 'still' })],
    [{ id: 'e', from: { node: 'img', port: 'image' }, to: { node: 'out', port: 'image' } }],
  )

describe('image-source', () => {
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
