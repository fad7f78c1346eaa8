import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makePng } from '@shotchain/fal-emulator/testing'
import { createMediaTools } from '@shotchain/media'
import { ffmpeg, makeClip, makeSound } from '@shotchain/media/testing'
import { openStore, type Store } from '@shotchain/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaServices, type LocalMediaServices } from './media-services.ts'

let dir: string
let store: Store
let media: LocalMediaServices

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotchain-media-services-'))
  store = openStore(join(dir, 'state'))
  media = createMediaServices(store, createMediaTools(), { baseDir: dir })
})

afterAll(async () => {
  store?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('media services: images that reach a paid request are decoded first', () => {
  it('stores an image that decodes whole', async () => {
    const image = await media.importBytes(makePng(640, 360, { noise: true }), 'the card')
    expect(image).toMatchObject({ kind: 'image', width: 640, height: 360 })
    expect(store.media.has(image.hash)).toBe(true)
  })

  it('refuses an image cut short, naming it, and keeps nothing of it', async () => {
    const whole = makePng(640, 360, { noise: true })
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6))
    await expect(
      media.importBytes(cut, 'the image at https://example.test/a.png'),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(
        /^the image at https:\/\/example\.test\/a\.png cannot be decoded/,
      ),
    })
    expect(await readdir(join(store.home, 'media', 'tmp'))).toEqual([])
  })
})

describe('media services: sounds are media too', () => {
  it.each([
    ['mp3', 'audio/mpeg', '.mp3'],
    ['wav', 'audio/wav', '.wav'],
    ['m4a', 'audio/mp4', '.m4a'],
  ] as const)('imports a %s file as audio with its duration', async (format, type, extension) => {
    const file = await makeSound(join(dir, `tone.${format}`), { seconds: 1.5, format })
    const sound = await media.importFile(`tone.${format}`, new AbortController().signal)
    expect(sound).toMatchObject({ kind: 'audio', contentType: type, width: 0, height: 0 })
    expect(sound.durationSec).toBeGreaterThanOrEqual(1.49)
    expect(sound.durationSec).toBeLessThan(1.6)
    expect(store.media.pathOf(sound.hash)?.endsWith(extension)).toBe(true)
    expect(sound.sizeBytes).toBe((await readFile(file)).length)
  })

  it('stores an MP4 holding only sound as audio/mp4, and a clip as video/mp4', async () => {
    const sine = join(dir, 'sine.mp4')
    await ffmpeg('-f', 'lavfi', '-i', 'sine=d=1', '-c:a', 'aac', '-f', 'mp4', sine)
    const sound = await media.importBytes(await readFile(sine), 'the sine')
    expect(sound).toMatchObject({ kind: 'audio', contentType: 'audio/mp4' })
    const clip = await makeClip(join(dir, 'clip.mp4'), {
      width: 64,
      height: 48,
      fps: 10,
      durationSec: 1,
      audioSec: 1,
    })
    const video = await media.importBytes(await readFile(clip), 'the clip')
    expect(video).toMatchObject({ kind: 'video', contentType: 'video/mp4', width: 64, height: 48 })
  })

  it('refuses a file that only starts like an MP3, naming it, and keeps nothing of it', async () => {
    const fake = new Uint8Array([...new TextEncoder().encode('ID3'), ...new Uint8Array(200)])
    await expect(media.importBytes(fake, 'the file song.mp3')).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/^the file song\.mp3 cannot be read: /),
    })
    expect(await readdir(join(store.home, 'media', 'tmp'))).toEqual([])
  })

  it('names the kinds it takes when the bytes are none of them', async () => {
    await expect(media.importBytes(new Uint8Array(64), 'the upload')).rejects.toMatchObject({
      code: 'validation',
      message: 'the upload is not a PNG, JPEG, WebP, GIF, MP4, MP3, WAV or M4A file',
    })
  })
})
