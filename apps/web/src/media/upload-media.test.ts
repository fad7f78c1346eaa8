import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { makeSound, makeTempDir } from '@shotchain/media/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/test-server.ts'
import { mediaUrlOf } from './media-url.ts'
import { uploadMedia } from './upload-media.ts'

const HARBOUR = resolve(import.meta.dirname, '../../../../examples/images/harbour.jpg')

describe('uploadMedia and mediaUrlOf', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it('stores a dropped image; the node path it returns draws from /media/<hash>', async () => {
    const file = new File([await readFile(HARBOUR)], 'harbour.jpg', { type: 'image/jpeg' })
    const uploaded = await uploadMedia(file, { base: server.url })
    if (!uploaded.ok) throw new Error(uploaded.message)
    expect(uploaded.media.url).toBe(`/media/${uploaded.media.hash}`)
    expect(uploaded.media.contentType).toBe('image/jpeg')
    expect(mediaUrlOf({ path: uploaded.media.path })).toBe(uploaded.media.url)
    const served = await fetch(`${server.url}${uploaded.media.url}`)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect((await served.arrayBuffer()).byteLength).toBe(file.size)
  })

  it('stores a dropped sound the same way, as the audio its bytes are', async () => {
    const temp = await makeTempDir()
    try {
      const wav = await readFile(
        await makeSound(join(temp.dir, 'a.wav'), { seconds: 1, format: 'wav' }),
      )
      // The name and the browser's type say MP3: the bytes decide.
      const file = new File([wav], 'theme.mp3', { type: 'audio/mpeg' })
      const uploaded = await uploadMedia(file, { base: server.url })
      if (!uploaded.ok) throw new Error(uploaded.message)
      expect(uploaded.media.contentType).toBe('audio/wav')
      expect(mediaUrlOf({ path: uploaded.media.path })).toBe(uploaded.media.url)
      const served = await fetch(`${server.url}${uploaded.media.url}`)
      expect(served.headers.get('content-type')).toBe('audio/wav')
    } finally {
      await temp.cleanup()
    }
  })

  it("brings back the server's reason, with the file name, for something not an image", async () => {
    const file = new File(['just text'], 'notes.png', { type: 'image/png' })
    const uploaded = await uploadMedia(file, { base: server.url })
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
