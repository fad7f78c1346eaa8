import { createDocument, parseWorkflow, type WorkflowDocument } from '@shotchain/graph'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { registry } from '../registry.ts'
import {
  bundleWorkflow,
  hasStoredImages,
  readBundle,
  resolveBundleImages,
} from './workflow-bundle.ts'

const HASH = 'a'.repeat(64)
const STORED = `/home/me/.shotchain/media/aa/${HASH}.jpg`
const BYTES = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])

const doc: WorkflowDocument = {
  ...createDocument('Harbour'),
  nodes: [
    { id: 'a', type: 'image-source', position: [0, 0], params: { path: STORED, name: 'h.jpg' } },
    { id: 'b', type: 'image-source', position: [0, 200], params: { path: STORED } },
    { id: 'c', type: 'image-source', position: [0, 400], params: { url: 'https://x.test/c.png' } },
  ],
}

describe('workflow bundles', () => {
  it('carries each stored image once, with params pointing inside the bundle, and no server path', async () => {
    expect(hasStoredImages(doc, registry)).toBe(true)
    const zip = await bundleWorkflow(doc, registry, async () => BYTES)
    const entries = unzipSync(zip)
    expect(Object.keys(entries).sort()).toEqual([`images/${HASH}.jpg`, 'workflow.json'])
    const text = strFromU8(entries['workflow.json'] ?? new Uint8Array())
    expect(text).not.toContain('/home/me')
    expect(entries[`images/${HASH}.jpg`]).toEqual(BYTES)
  })

  it('reads back to the same workflow with the images stored wherever the importer puts them', async () => {
    const zip = await bundleWorkflow(doc, registry, async () => BYTES)
    const read = readBundle('harbour.zip', zip)
    if (!read.ok) throw new Error(read.message)
    const stored: string[] = []
    const parsed = parseWorkflow(read.text)
    if (!parsed.ok) throw new Error('not parsed')
    const resolved = await resolveBundleImages(parsed.doc, registry, read.images, async (name) => {
      stored.push(name)
      return { ok: true, path: `/elsewhere/media/${name}` }
    })
    const elsewhere = `/elsewhere/media/${HASH}.jpg`
    expect(stored).toEqual([`${HASH}.jpg`])
    expect(resolved.ok && resolved.doc.nodes.map((n) => n.params)).toEqual([
      { path: elsewhere, name: 'h.jpg' },
      { path: elsewhere },
      { url: 'https://x.test/c.png' },
    ])
  })

  it('refuses a file that is no zip, or a zip without a workflow, in words', () => {
    expect(readBundle('x.zip', new Uint8Array([1, 2, 3]))).toMatchObject({
      ok: false,
      message: /x\.zip was not imported: it is not a readable zip/,
    })
    expect(readBundle('y.zip', zipSync({ 'notes.txt': strToU8('hi') }))).toMatchObject({
      ok: false,
      message: /y\.zip was not imported: it has no workflow\.json/,
    })
  })

  it('fails an export whose image the server no longer has, making nothing', async () => {
    await expect(
      bundleWorkflow(doc, registry, async () => {
        throw new Error('gone')
      }),
    ).rejects.toThrow('gone')
  })
})
