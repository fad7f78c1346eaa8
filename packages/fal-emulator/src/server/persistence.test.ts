import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFalClient } from '@fal-ai/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emulatorFetch } from '../client/emulator-fetch.ts'
import { KLING_O1_STANDARD_I2V } from '../endpoints/kling-image-to-video.ts'
import { FolderInUseError } from '../storage/folder-lock.ts'
import { FAST_KNOBS } from '../testing/fast-knobs.ts'
import { makePng } from '../testing/png.ts'
import { startTestEmulator } from '../testing/test-emulator.ts'
import { startFalEmulator } from './start-fal-emulator.ts'

const KLING = KLING_O1_STANDARD_I2V
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fal-emulator-kept-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const clientOf = (url: string) =>
  createFalClient({ credentials: 'test-key', fetch: emulatorFetch(url) })

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('an emulator on a kept storage folder', () => {
  it('answers the same request ids after a restart: done, running (finishes) and queued', async () => {
    const first = await startTestEmulator({ storageDir: dir, concurrency: 1, runLatencyMs: 150 })
    const fal = first.viaFetch
    const startUrl = await first.upload(makePng(320, 320), 'image/png', 'start.png')
    const input = (prompt: string) => ({
      prompt,
      start_image_url: startUrl,
      duration: '3' as const,
    })
    const done = await fal.subscribe(KLING, { input: input('done'), pollInterval: 10 })
    first.emulator.configure({ runLatencyMs: 60_000 })
    const running = await fal.queue.submit(KLING, { input: input('running') })
    const queued = await fal.queue.submit(KLING, { input: input('queued') })
    await waitFor(
      async () =>
        (await fal.queue.status(KLING, { requestId: running.request_id })).status === 'IN_PROGRESS',
      'the second job to run',
    )
    // What a killed emulator leaves: stop() writes nothing more, and junk in its folders.
    await first.emulator.stop()
    await mkdir(join(dir, 'tmp', 'some-job'), { recursive: true })
    await writeFile(join(dir, 'files', 'deadbeef.part'), 'half an upload')

    const second = await startFalEmulator({ ...FAST_KNOBS, storageDir: dir, runLatencyMs: 50 })
    expect(second.url).not.toBe(first.emulator.url)
    const again = clientOf(second.url)
    const doneAgain = await again.queue.result(KLING, { requestId: done.requestId })
    const video = (doneAgain.data as { video: { url: string } }).video
    expect(video.url.startsWith(`${second.url}/cdn/`)).toBe(true)
    expect((await fetch(video.url)).status).toBe(200)
    for (const id of [running.request_id, queued.request_id]) {
      await again.queue.subscribeToStatus(KLING, { requestId: id, pollInterval: 10 })
      const result = await again.queue.result(KLING, { requestId: id })
      expect(result.data).toMatchObject({ video: { content_type: 'video/mp4' } })
    }
    const logs = (await again.queue.status(KLING, {
      requestId: running.request_id,
      logs: true,
    })) as { logs: { message: string }[] }
    expect(logs.logs.map((l) => l.message)).toContain(
      'The runner restarted with the emulator; generating again',
    )
    // Nothing submitted again; the two unfinished jobs billed once each, here.
    expect(second.stats().totals).toMatchObject({ submits: 0, billed: 2, billedSeconds: 6 })
    expect(await readdir(join(dir, 'files'))).not.toContain('deadbeef.part')
    expect(await readdir(join(dir, 'tmp')).catch(() => [])).not.toContain('some-job')
    // The upload made through the first emulator still works as an input.
    const later = await again.subscribe(KLING, { input: input('later'), pollInterval: 10 })
    expect(later.data).toMatchObject({ video: { content_type: 'video/mp4' } })
    await second.stop()
  }, 30_000)

  it('is served by one emulator at a time', async () => {
    const first = await startFalEmulator({ storageDir: dir })
    await expect(startFalEmulator({ storageDir: dir })).rejects.toBeInstanceOf(FolderInUseError)
    await first.stop()
    const next = await startFalEmulator({ storageDir: dir })
    await next.stop()
  })
})
