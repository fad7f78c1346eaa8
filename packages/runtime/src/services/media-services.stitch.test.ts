import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makePng } from '@shotchain/fal-emulator/testing'
import { createMediaTools } from '@shotchain/media'
import { openStore, type Store } from '@shotchain/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaServices, frameRatioOf, type LocalMediaServices } from './media-services.ts'

let dir: string
let store: Store
let media: LocalMediaServices
const tools = createMediaTools()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotchain-media-stitch-'))
  store = openStore(join(dir, 'state'))
  media = createMediaServices(store, tools, { baseDir: dir })
})

afterAll(async () => {
  store?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('media services: sequences over the store', () => {
  it('counts frames, sees a chained cut and stitches stored clips', {
    timeout: 30_000,
  }, async () => {
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(dir, 'a.png'), makePng(320, 180, { hue: 'red' }))
    await writeFile(join(dir, 'b.png'), makePng(320, 180, { hue: 'blue' }))
    const size = { width: 320, height: 180, durationSec: 1, fps: 24 }
    await tools.renderTransition(
      { start: join(dir, 'a.png'), end: join(dir, 'b.png'), ...size },
      join(dir, '1.mp4'),
    )
    await tools.renderTransition(
      { start: join(dir, 'b.png'), end: join(dir, 'a.png'), ...size },
      join(dir, '2.mp4'),
    )
    const signal = new AbortController().signal
    const [one, two] = await Promise.all([
      media.importFile('1.mp4', signal),
      media.importFile('2.mp4', signal),
    ])
    if (one === undefined || two === undefined) throw new Error('import failed')
    expect(await media.countFrames(one, signal)).toEqual({
      frames: 24,
      rate: { numerator: 24, denominator: 1 },
    })
    expect(await media.repeatsAtCut(one, two, signal)).toBe(true)
    expect(await media.repeatsAtCut(two, two, signal)).toBe(false)
    const rate = { numerator: 24, denominator: 1 }
    const clips = [
      { label: 'one', media: one, frames: 24 },
      { label: 'two', media: two, frames: 24, in: 1 },
    ]
    const { video, frames } = await media.stitch({ name: 'seq', rate, clips }, signal)
    expect(frames).toBe(47)
    expect(video).toMatchObject({ kind: 'video', width: 320, height: 180 })
    const path = store.media.pathOf(video.hash) ?? ''
    expect(await tools.countFrames(path)).toBe(47)
  })

  it('reads frame rates as whole-number ratios', () => {
    expect(frameRatioOf(24)).toEqual({ numerator: 24, denominator: 1 })
    expect(frameRatioOf(30000 / 1001)).toEqual({ numerator: 30000, denominator: 1001 })
    expect(frameRatioOf(24000 / 1001)).toEqual({ numerator: 24000, denominator: 1001 })
    expect(frameRatioOf(12.5)).toEqual({ numerator: 12500, denominator: 1000 })
  })
})
