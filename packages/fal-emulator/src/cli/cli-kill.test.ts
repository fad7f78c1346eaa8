import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFalClient } from '@fal-ai/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emulatorFetch } from '../client/emulator-fetch.ts'
import { KLING_O1_STANDARD_I2V } from '../endpoints/kling-image-to-video.ts'
import { makePng } from '../testing/png.ts'

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url))
const KEY = 'cli-test-key'
let dir: string

/** Starts the command line on `dir`; resolves with the process and its URL. */
async function startCli(runLatencyMs: number): Promise<{ child: ChildProcess; url: string }> {
  const args = ['src/cli.ts', '--port', '0', '--storage-dir', dir, '--api-key', KEY]
  // Node itself with tsx's loader: SIGKILL must reach the emulator, not a wrapper process.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ...args,
      '--queue-latency',
      '0',
      '--run-latency',
      String(runLatencyMs),
      '--video-long-side',
      '96',
    ],
    { cwd: PACKAGE, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`fal emulator exited with ${code}: ${out}`)))
  })
  return { child, url }
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fal-emulator-cli-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('the command line with --storage-dir', () => {
  it('finishes a job that was running when it was killed (SIGKILL), under the same request id', async () => {
    const first = await startCli(60_000)
    const fal = createFalClient({ credentials: KEY, fetch: emulatorFetch(first.url) })
    const startUrl = await fal.storage.upload(
      new Blob([new Uint8Array(makePng(320, 320))], { type: 'image/png' }),
    )
    const { request_id } = await fal.queue.submit(KLING_O1_STANDARD_I2V, {
      input: { prompt: 'killed mid-way', start_image_url: startUrl, duration: '3' },
    })
    for (;;) {
      const status = await fal.queue.status(KLING_O1_STANDARD_I2V, { requestId: request_id })
      if (status.status === 'IN_PROGRESS') break
      await new Promise((r) => setTimeout(r, 20))
    }
    await killed(first.child)

    const second = await startCli(50)
    try {
      const again = createFalClient({ credentials: KEY, fetch: emulatorFetch(second.url) })
      await again.queue.subscribeToStatus(KLING_O1_STANDARD_I2V, {
        requestId: request_id,
        pollInterval: 20,
      })
      const result = await again.queue.result(KLING_O1_STANDARD_I2V, { requestId: request_id })
      const video = (result.data as { video: { url: string } }).video
      expect(video.url.startsWith(`${second.url}/cdn/`)).toBe(true)
      expect((await fetch(video.url)).headers.get('content-type')).toBe('video/mp4')
    } finally {
      await killed(second.child)
    }
  }, 60_000)
})
