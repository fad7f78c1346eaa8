import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createMemoryCache, createMemoryJournal } from '@shotchain/engine'
import { makePng } from '@shotchain/fal-emulator/testing'
import { createRegistry, parseWorkflow, type WorkflowDocument } from '@shotchain/graph'
import { createMediaTools } from '@shotchain/media'
import { builtInNodes, type FalServices } from '@shotchain/nodes'
import { openStore, type Store } from '@shotchain/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaServices, type LocalMediaServices } from '../services/media-services.ts'
import { planWorkflow } from './plan-workflow.ts'

const registry = createRegistry(builtInNodes)

/** Planning never calls fal: its mode is all a Kling node's fingerprint reads. */
const fal: FalServices = {
  mode: 'emulator',
  submit: () => Promise.reject(new Error('planning must not submit')),
  wait: () => Promise.reject(new Error('planning must not wait')),
  urlOf: () => Promise.reject(new Error('planning must not upload')),
}

/** A real 1280×720 JPEG. */
const PHOTO = resolve(import.meta.dirname, '../../../../examples/images/harbour.jpg')

let dir: string
let store: Store
let media: LocalMediaServices

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotchain-runtime-'))
  store = openStore(join(dir, 'state'))
  media = createMediaServices(store, createMediaTools(), { baseDir: dir })
  await writeFile(join(dir, 'small.png'), makePng(200, 200))
  await writeFile(join(dir, 'wide.png'), makePng(1500, 500))
  await writeFile(join(dir, 'fine.png'), makePng(1280, 720))
  await writeFile(join(dir, 'notes.png'), 'not a picture\n')
  const photo = await readFile(PHOTO)
  await writeFile(join(dir, 'exif.jpg'), withExif(photo, 70 * 1024))
  await writeFile(join(dir, 'cut.jpg'), photo.subarray(0, photo.length >> 1))
  const png = makePng(1280, 720)
  await writeFile(join(dir, 'cut.png'), png.subarray(0, png.length >> 1))
  // A small PNG whose header claims 100000×100000 (the IHDR's width and height).
  const liar = makePng(400, 400)
  liar.writeUInt32BE(100_000, 16)
  liar.writeUInt32BE(100_000, 20)
  await writeFile(join(dir, 'liar.png'), liar)
})

afterAll(async () => {
  store?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** One shot from the image at `path`, its clip as the output. */
function singleShot(path: string): WorkflowDocument {
  const parsed = parseWorkflow({
    format: 'shotchain.workflow',
    version: 1,
    name: 'one shot',
    nodes: [
      { id: 'image', type: 'image-source', position: [0, 0], params: { path } },
      {
        id: 'prompt',
        type: 'prompt',
        position: [0, 200],
        params: { text: '@Image1: a slow push' },
      },
      { id: 'shot1', type: 'kling-o1-i2v', position: [300, 0], params: { duration: 3 } },
      { id: 'out', type: 'output', position: [600, 0], params: { name: 'clip' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'image', port: 'image' }, to: { node: 'shot1', port: 'start' } },
      { id: 'e2', from: { node: 'prompt', port: 'text' }, to: { node: 'shot1', port: 'prompt' } },
      { id: 'e3', from: { node: 'shot1', port: 'video' }, to: { node: 'out', port: 'video' } },
    ],
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.doc
}

/** An empty cache and journal. */
const emptyStores = () => ({ cache: createMemoryCache(), journal: createMemoryJournal() })

/** Plans `doc` as the server and the CLI do, local images checked. */
function plan(doc: WorkflowDocument, stores = emptyStores()) {
  return planWorkflow({
    doc,
    registry,
    services: { media, fal },
    store: stores,
    imageFacts: media.readImageFacts,
  })
}

/**
 * `jpeg` with `exifBytes` of APP1 segments right after its start marker (as a camera's EXIF and
 * thumbnail would put there), which pushes its frame header past the first 64 KiB.
 */
function withExif(jpeg: Uint8Array, exifBytes: number): Uint8Array {
  const parts = [Buffer.from(jpeg.subarray(0, 2))]
  for (let left = exifBytes; left > 0; left -= 60_000) {
    const length = Math.min(left, 60_000) + 2
    const segment = Buffer.alloc(length + 2)
    segment.writeUInt16BE(0xffe1, 0)
    segment.writeUInt16BE(length, 2)
    parts.push(segment)
  }
  parts.push(Buffer.from(jpeg.subarray(2)))
  return Buffer.concat(parts)
}

describe('planWorkflow with imageFacts', () => {
  it('refuses an image Kling would refuse, on the image node and its path', async () => {
    const small = await plan(singleShot('small.png'))
    expect(small).toEqual({
      ok: false,
      issues: [
        {
          code: 'node-check',
          severity: 'error',
          nodeId: 'image',
          field: 'path',
          path: 'nodes[0].params.path',
          message:
            'the image is 200×200 px; fal needs both sides at least 300 px — Kling O1 image to video (node shot1) would refuse it',
        },
      ],
    })
    const wide = await plan(singleShot('wide.png'))
    expect(wide.ok ? [] : wide.issues).toEqual([
      expect.objectContaining({
        nodeId: 'image',
        field: 'path',
        message: expect.stringMatching(/^the image is 1500×500 px; .*aspect ratio.*node shot1/),
      }),
    ])
    const text = await plan(singleShot('notes.png'))
    expect(text.ok ? [] : text.issues).toEqual([
      expect.objectContaining({ nodeId: 'image', message: expect.stringMatching(/not an image/) }),
    ])
  })

  it('plans a 1280×720 image, also a JPEG whose frame header lies past the first 64 KiB', async () => {
    expect((await plan(singleShot('fine.png'))).ok).toBe(true)
    expect((await plan(singleShot('exif.jpg'))).ok).toBe(true)
  })

  it('does not block a shot that pays nothing: cached, or re-attached to a paid job', async () => {
    const doc = singleShot('small.png')
    // Without imageFacts the image is not looked at: the plan gives the shot's cache key.
    const unchecked = await planWorkflow({
      doc,
      registry,
      services: { media, fal },
      store: emptyStores(),
    })
    if (!unchecked.ok) throw new Error(JSON.stringify(unchecked.issues))
    const key = unchecked.plan.nodes.find((n) => n.id === 'shot1')?.cacheKey ?? ''

    const cached = emptyStores()
    const clip = { kind: 'video', hash: 'c'.repeat(64), contentType: 'video/mp4', sizeBytes: 1 }
    cached.cache.set(key, { outputs: { video: clip }, nodeType: 'kling-o1-i2v', createdAt: 0 })
    const fromCache = await plan(doc, cached)
    expect(fromCache.ok && fromCache.plan.nodes.find((n) => n.id === 'shot1')?.action).toBe(
      'cached',
    )

    const resumed = emptyStores()
    resumed.journal.begin(key, { nodeId: 'shot1', runId: 'earlier', at: 0 })
    resumed.journal.record(key, 'req-1', 1)
    const reattached = await plan(doc, resumed)
    expect(
      reattached.ok && reattached.plan.nodes.find((n) => n.id === 'shot1')?.resumeRequestId,
    ).toBe('req-1')
  })

  it('refuses images whose header passes but whose pixels do not: too many, or cut short', async () => {
    const liar = await plan(singleShot('liar.png'))
    expect(liar.ok ? [] : liar.issues).toEqual([
      expect.objectContaining({
        nodeId: 'image',
        field: 'path',
        path: 'nodes[0].params.path',
        message: expect.stringMatching(
          /^the image is 100000×100000 px \(10000 MP\); images of at most 40 MP/,
        ),
      }),
    ])
    for (const cut of ['cut.jpg', 'cut.png']) {
      const planned = await plan(singleShot(cut))
      expect(planned.ok ? [] : planned.issues).toEqual([
        expect.objectContaining({
          nodeId: 'image',
          field: 'path',
          message: expect.stringMatching(
            /^the image cannot be decoded: it is cut short or damaged .*node shot1/,
          ),
        }),
      ])
    }
  })

  it('leaves a missing file to the fingerprint issue, said once', async () => {
    const missing = await plan(singleShot('nope.png'))
    expect(missing.ok ? [] : missing.issues).toEqual([
      expect.objectContaining({
        nodeId: 'image',
        message: expect.stringMatching(/does not exist/),
      }),
    ])
  })
})
