import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FAST_KNOBS, makePng } from '@shotchain/fal-emulator/testing'
import { KLING_O1_ENDPOINTS, klingO1Input } from '@shotchain/kling'
import { openStore, type Store } from '@shotchain/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectFal, type FalConnection } from './fal-connection.ts'

const KLING = KLING_O1_ENDPOINTS.standard
const embedded = (runLatencyMs: number) =>
  ({ kind: 'embedded', knobs: { ...FAST_KNOBS, runLatencyMs } }) as const

let home: string
let store: Store
const open: FalConnection[] = []

async function connect(runLatencyMs: number): Promise<FalConnection> {
  const connection = await connectFal(embedded(runLatencyMs), store)
  open.push(connection)
  return connection
}

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'shotchain-fal-connection-'))
  store = openStore(home)
})
afterEach(async () => {
  for (const connection of open.splice(0)) await connection.close()
  store.close()
  await rm(home, { recursive: true, force: true })
})

async function submitShot(connection: FalConnection): Promise<string> {
  const startImageUrl = await connection.gateway.upload({
    bytes: makePng(480, 320),
    contentType: 'image/png',
    fileName: 'start.png',
  })
  return connection.gateway.submit(
    KLING,
    klingO1Input({ prompt: 'a slow push in', startImageUrl, durationSec: 3 }),
  )
}

describe('the embedded emulator (no FAL_KEY)', () => {
  it('takes only the key this process handed its gateway, and no web page', async () => {
    const connection = await connect(60)
    const url = connection.emulator?.url ?? ''
    const submit = (headers: Record<string, string>) =>
      fetch(`${url}/queue.fal.run/${KLING}`, { method: 'POST', headers, body: '{}' })
    expect((await submit({})).status).toBe(401)
    expect((await submit({ authorization: 'Key emulator' })).status).toBe(401)
    const page = await fetch(`${url}/_emulator/configure`, {
      method: 'POST',
      headers: { origin: 'http://localhost:3000', 'content-type': 'text/plain' },
      body: JSON.stringify({ force422: 1 }),
    })
    expect(page.status).toBe(403)
    expect(connection.emulator?.stats().totals.submits).toBe(0)
    // The process's own gateway gets through.
    const id = await submitShot(connection)
    await expect(connection.gateway.wait(KLING, id)).resolves.toMatchObject({
      video: { content_type: 'video/mp4' },
    })
  })

  it('keeps its jobs under SHOTCHAIN_HOME: a process started again re-attaches and gets the clip', async () => {
    const first = await connect(60_000)
    expect(first.emulatorFolder).toBe(join(home, 'emulator'))
    const requestId = await submitShot(first)
    // A process killed while the clip renders.
    await first.close()

    const second = await connect(50)
    const output = await second.gateway.wait(KLING, requestId)
    expect(output).toMatchObject({ video: { content_type: 'video/mp4' } })
    const video = (output as { video: { url: string } }).video
    expect((await fetch(video.url)).status).toBe(200)
    expect(second.emulator?.stats().totals).toMatchObject({ submits: 0, billed: 1 })
  })

  it('falls back to a private folder while another process of the same home holds it', async () => {
    const first = await connect(60)
    const second = await connect(60)
    expect([first.emulatorFolder, second.emulatorFolder]).toEqual([
      join(home, 'emulator'),
      undefined,
    ])
    const id = await submitShot(second)
    await expect(second.gateway.wait(KLING, id)).resolves.toMatchObject({ video: {} })
  })
})
