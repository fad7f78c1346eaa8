import { access, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startFalEmulator } from './start-fal-emulator.ts'

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

describe('startFalEmulator', () => {
  it('listens on a free 127.0.0.1 port and removes its temp folder on stop', async () => {
    const emulator = await startFalEmulator()
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await exists(emulator.storageDir)).toBe(true)
    await emulator.stop()
    expect(await exists(emulator.storageDir)).toBe(false)
    await expect(fetch(`${emulator.url}/_emulator/stats`)).rejects.toThrow()
  })

  it('keeps a given storage folder and puts publicUrl into upload and file URLs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fal-emulator-given-'))
    const emulator = await startFalEmulator({ storageDir: dir, publicUrl: 'http://fal.test:9/' })
    const res = await fetch(`${emulator.url}/rest.fal.ai/storage/upload/initiate`, {
      method: 'POST',
      headers: { authorization: 'Key k' },
      body: JSON.stringify({ content_type: 'image/png', file_name: 'a b.png' }),
    })
    const body = (await res.json()) as { upload_url: string; file_url: string }
    expect(body.upload_url).toMatch(/^http:\/\/fal\.test:9\/storage\/upload\/[0-9a-f]+$/)
    expect(body.file_url).toMatch(/^http:\/\/fal\.test:9\/cdn\/[0-9a-f]+\/a%20b\.png$/)
    await emulator.stop()
    expect(await readdir(dir)).toContain('files')
    await rm(dir, { recursive: true, force: true })
  })

  it('exposes stats and knobs over HTTP, and rejects impossible knobs', async () => {
    const emulator = await startFalEmulator({ concurrency: 3 })
    const configured = await fetch(`${emulator.url}/_emulator/configure`, {
      method: 'POST',
      body: JSON.stringify({ runLatencyMs: 5, failures: { cdn: { 503: 1 } } }),
    })
    expect(await configured.json()).toMatchObject({ concurrency: 3, runLatencyMs: 5 })
    expect((await fetch(`${emulator.url}/cdn/x/y`)).status).toBe(503)
    const stats = (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as {
      requests: { cdn: number }
      faults: { cdn: number }
    }
    expect([stats.requests.cdn, stats.faults.cdn]).toEqual([1, 1])
    const reset = await fetch(`${emulator.url}/_emulator/reset-stats`, { method: 'POST' })
    expect(((await reset.json()) as typeof stats).requests.cdn).toBe(0)
    const bad = await fetch(`${emulator.url}/_emulator/configure`, {
      method: 'POST',
      body: JSON.stringify({ concurrency: 0 }),
    })
    expect([bad.status, await bad.json()]).toEqual([
      400,
      { detail: 'concurrency must be an integer ≥ 1, got 0' },
    ])
    expect(() => emulator.configure({ queueLatencyMs: -1 })).toThrow(RangeError)
    await emulator.stop()
  })

  it('answers a proxy request without x-fal-target-url like @fal-ai/server-proxy', async () => {
    const emulator = await startFalEmulator()
    const res = await fetch(`${emulator.url}/proxy`, { method: 'POST', body: '{}' })
    expect([res.status, await res.json()]).toEqual([400, 'Invalid request'])
    await emulator.stop()
  })
})
