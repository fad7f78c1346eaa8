import { type FalEmulator, startFalEmulator } from '@shotchain/fal-emulator'
import { FAST_KNOBS, makePng } from '@shotchain/fal-emulator/testing'
import { KLING_O1_ENDPOINTS, klingO1Input } from '@shotchain/kling'
import { afterEach, describe, expect, it } from 'vitest'
import { createFalGateway } from './create-fal-gateway.ts'
import { createMemoryUploadCache } from './upload-once.ts'

const KLING = KLING_O1_ENDPOINTS.standard
const image = { bytes: makePng(640, 360), contentType: 'image/png', fileName: 'start.png' }
const emulators: FalEmulator[] = []

afterEach(async () => {
  for (const emulator of emulators.splice(0)) await emulator.stop()
})

async function start(): Promise<FalEmulator> {
  const emulator = await startFalEmulator(FAST_KNOBS)
  emulators.push(emulator)
  return emulator
}

describe('an upload fal can no longer download', () => {
  it('is forgotten on file_download_error and sent again; the refused job cost nothing', async () => {
    // The store's upload cache outlives the emulator, as it outlives a restarted standalone one.
    const cache = createMemoryUploadCache()
    let current = await start()
    const gateway = createFalGateway({
      mode: 'emulator',
      credentials: 'test-key',
      fetch: (url, init) =>
        fetch(String(url).replace(/^https:\/\//, `${current.url}/`), init as RequestInit),
      pollIntervalMs: 10,
      uploads: cache,
    })
    const first = await gateway.upload(image)
    await current.stop()
    current = await start()

    const dead = await gateway.upload(image)
    expect(dead).toBe(first)
    const refused = await gateway.submit(
      KLING,
      klingO1Input({ prompt: 'x', startImageUrl: dead, durationSec: 3 }),
    )
    await expect(gateway.wait(KLING, refused)).rejects.toMatchObject({
      code: 'validation',
      field: 'start_image_url',
      retryable: true,
      requestEnded: true,
      message: expect.stringContaining('uploaded again on the next try'),
    })

    const fresh = await gateway.upload(image)
    expect(fresh).not.toBe(first)
    expect(fresh.startsWith(`${current.url}/cdn/`)).toBe(true)
    const id = await gateway.submit(
      KLING,
      klingO1Input({ prompt: 'x', startImageUrl: fresh, durationSec: 3 }),
    )
    await expect(gateway.wait(KLING, id)).resolves.toMatchObject({ video: {} })
    expect(current.stats().totals).toMatchObject({ submits: 2, failed: 1, billed: 1 })
    expect(current.stats().requests['upload-put']).toBe(1)
  })
})
