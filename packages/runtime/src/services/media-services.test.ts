import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makePng } from '@shotchain/fal-emulator/testing'
import { createMediaTools } from '@shotchain/media'
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
