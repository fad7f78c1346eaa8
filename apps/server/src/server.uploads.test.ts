import { readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { makePng } from '@shotchain/fal-emulator/testing'
import { makeSound, makeTempDir } from '@shotchain/media/testing'
import { openStore } from '@shotchain/store'
import { describe, expect, it } from 'vitest'
import type { RunningServer } from './server/create-server.ts'
import {
  api,
  createShortWorkflow,
  jsonOf,
  type ServerHarness,
  useServer,
} from './testing/server-harness.ts'
import { readSse } from './testing/sse-client.ts'

const PHOTO = resolve(import.meta.dirname, '../../../examples/images/harbour.jpg')

let h: ServerHarness
let server: RunningServer
useServer((harness, running) => {
  h = harness
  server = running
})

/** A PNG of a few dozen bytes whose header claims `width`×`height`. */
function lyingPng(width: number, height: number): Buffer {
  const png = makePng(2, 2)
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  return png
}

/** The first half of a real 1280×720 JPEG: its header is whole, its picture is not. */
async function cutJpeg(): Promise<Buffer> {
  const photo = await readFile(PHOTO)
  return photo.subarray(0, photo.length >> 1)
}

const upload = (bytes: Uint8Array) =>
  fetch(`${server.url}/api/uploads`, { method: 'POST', body: bytes })

function mediaFiles(): number {
  const store = openStore(h.home)
  try {
    return readdirSync(store.media.root, { recursive: true }).filter((n) =>
      /[0-9a-f]{64}/.test(String(n)),
    ).length
  } finally {
    store.close()
  }
}

describe('POST /api/uploads', () => {
  it('answers a multipart body it cannot parse with a 400 and a message', async () => {
    const response = await fetch(`${server.url}/api/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=----nothing-like-this' },
      body: 'this is not a multipart body at all',
    })
    expect(response.status).toBe(400)
    expect((await jsonOf(response)).error).toMatch(/multipart/)
  })

  it('decodes an image before storing it: a lying header or a cut picture is a 422', async () => {
    const before = mediaFiles()
    const liar = lyingPng(100_000, 100_000)
    expect(liar.byteLength).toBeLessThan(100)
    const huge = await upload(liar)
    expect(huge.status).toBe(422)
    expect((await jsonOf(huge)).error).toMatch(/100000×100000 px .*at most 40 MP/)
    const square = await upload(lyingPng(20_000, 20_000))
    expect(square.status).toBe(422)
    const cut = await upload(await cutJpeg())
    expect(cut.status).toBe(422)
    expect((await jsonOf(cut)).error).toMatch(/^the image cannot be decoded: it is cut short/)
    expect(mediaFiles()).toBe(before)

    const whole = await upload(await readFile(PHOTO))
    expect(whole.status).toBe(201)
    expect(await jsonOf(whole)).toMatchObject({ width: 1280, height: 720 })
  })
})

describe('POST /api/uploads with a sound', () => {
  it.each([
    ['mp3', 'audio/mpeg'],
    ['wav', 'audio/wav'],
    ['m4a', 'audio/mp4'],
  ] as const)('stores a %s with its length and serves it back as %s', async (format, type) => {
    const temp = await makeTempDir()
    try {
      const file = await makeSound(join(temp.dir, `tone.${format}`), { seconds: 1, format })
      const bytes = await readFile(file)
      const answer = await upload(bytes)
      expect(answer.status).toBe(201)
      const body = await jsonOf(answer)
      expect(body).toMatchObject({ contentType: type, sizeBytes: bytes.length })
      expect(body.durationSec).toBeGreaterThanOrEqual(0.99)
      expect(body.durationSec).toBeLessThan(1.1)
      const served = await fetch(`${server.url}${body.url}`)
      expect(served.headers.get('content-type')).toBe(type)
      expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)
    } finally {
      await temp.cleanup()
    }
  })

  it('runs an audio-source node of an uploaded sound: its output is the stored audio', async () => {
    const temp = await makeTempDir()
    try {
      const file = await makeSound(join(temp.dir, 'theme.m4a'), { seconds: 2, format: 'm4a' })
      const uploaded = await jsonOf(await upload(await readFile(file)))
      const doc = {
        format: 'shotchain.workflow',
        version: 1,
        name: 'Soundtrack',
        nodes: [
          {
            id: 'audio-1',
            type: 'audio-source',
            position: [0, 0],
            params: { path: uploaded.path, name: 'theme.m4a' },
          },
        ],
        edges: [],
      }
      const created = await api(server.url, '/api/workflows', { body: doc })
      const started = await api(server.url, `/api/workflows/${created.body.id}/runs`, { body: {} })
      expect(started.status).toBe(201)
      const messages = await readSse(`${server.url}/api/runs/${started.body.runId}/events`)
      const events = messages.map((m) => JSON.parse(m.data))
      const run = await api(server.url, `/api/runs/${started.body.runId}`)
      expect(run.body.status).toBe('succeeded')
      expect(events.find((e) => e.type === 'node-succeeded')).toMatchObject({
        nodeId: 'audio-1',
        outputs: {
          audio: {
            kind: 'audio',
            hash: uploaded.hash,
            contentType: 'audio/mp4',
            width: 0,
            height: 0,
            durationSec: uploaded.durationSec,
          },
        },
      })
    } finally {
      await temp.cleanup()
    }
  })

  it('refuses bytes that only start like an MP3 with a 422 naming the file, storing nothing', async () => {
    const before = mediaFiles()
    const fake = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(400)])
    const answer = await upload(fake)
    expect(answer.status).toBe(422)
    expect(await jsonOf(answer)).toEqual({
      error: 'the audio/mpeg file cannot be played as a sound: upload another file',
      field: 'file',
    })
    expect(mediaFiles()).toBe(before)
  })
})

describe('plan-time pre-flight', () => {
  it("refuses an image already in the media folder that does not decode, on the image node's path", async () => {
    // As an older server or the CLI could have stored it: no upload check on the way in.
    const store = openStore(h.home)
    const stored = await store.media.putBytes(await cutJpeg(), 'image/jpeg')
    store.close()
    const workflowId = await createShortWorkflow(server.url, (doc) => {
      const image = doc.nodes.find((n) => n.type === 'image-source')
      if (image) image.params.path = stored.path
    })
    const submitsBefore = h.emulator.stats().totals.submits
    for (const route of ['estimate', 'runs']) {
      const refused = await api(server.url, `/api/workflows/${workflowId}/${route}`, { body: {} })
      expect(refused.status).toBe(422)
      expect(refused.body.issues).toContainEqual(
        expect.objectContaining({
          nodeId: 'image',
          field: 'path',
          message: expect.stringMatching(/^the image cannot be decoded: it is cut short/),
        }),
      )
    }
    expect(h.emulator.stats().totals.submits).toBe(submitsBefore)
  })
})
