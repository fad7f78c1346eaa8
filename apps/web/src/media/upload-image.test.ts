import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/test-server.ts'
import { mediaUrlOf } from './media-url.ts'
import { uploadImage } from './upload-image.ts'

const HARBOUR = resolve(import.meta.dirname, '../../../../examples/images/harbour.jpg')

describe('uploadImage and mediaUrlOf', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it('stores a dropped image; the node path it returns draws from /media/<hash>', async () => {
    const file = new File([await readFile(HARBOUR)], 'harbour.jpg', { type: 'image/jpeg' })
    const uploaded = await uploadImage(file, { base: server.url })
    if (!uploaded.ok) throw new Error(uploaded.message)
    expect(uploaded.image.url).toBe(`/media/${uploaded.image.hash}`)
    expect(uploaded.image.width).toBeGreaterThan(0)
    expect(mediaUrlOf({ path: uploaded.image.path })).toBe(uploaded.image.url)
    const served = await fetch(`${server.url}${uploaded.image.url}`)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect((await served.arrayBuffer()).byteLength).toBe(file.size)
  })

  it("brings back the server's reason, with the file name, for something not an image", async () => {
    const file = new File(['just text'], 'notes.png', { type: 'image/png' })
    const uploaded = await uploadImage(file, { base: server.url })
    expect(uploaded.ok).toBe(false)
    if (!uploaded.ok) expect(uploaded.message).toMatch(/^notes\.png: .*PNG, JPEG, WebP or GIF/)
  })
})

describe('mediaUrlOf', () => {
  it('has no thumbnail for a path outside the media store or a remote url', () => {
    expect(mediaUrlOf({ path: 'images/harbour.jpg' })).toBeUndefined()
    expect(mediaUrlOf({ url: 'https://example.com/a.png' })).toBeUndefined()
    expect(mediaUrlOf({ path: `C:\\media\\ab\\${'ab'.repeat(32)}.png` })).toBe(
      `/media/${'ab'.repeat(32)}`,
    )
  })
})
