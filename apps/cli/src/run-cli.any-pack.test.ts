import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliHarness, createCliHarness } from './testing/cli-harness.ts'

// A second video model from a test pack, registered by SHOTCHAIN_PACKS alone: the CLI plans,
// prices, runs and writes it into the manifest from its declarations, with no change to the CLI.
const PACK = resolve(import.meta.dirname, 'testing/second-video-pack')

let h: CliHarness
beforeAll(async () => {
  h = await createCliHarness()
  const doc = {
    format: 'shotchain.workflow',
    version: 1,
    name: 'Takes',
    nodes: [
      {
        id: 'image',
        type: 'image-source',
        position: [0, 0],
        params: { path: 'images/harbour.jpg' },
      },
      { id: 'p1', type: 'prompt', position: [0, 300], params: { text: 'a slow push in' } },
      { id: 'p2', type: 'prompt', position: [300, 300], params: { text: 'and then: a pull out' } },
      { id: 'take-1', type: 'test-video-i2v', position: [300, 0], params: { seconds: 3 } },
      { id: 'take-2', type: 'test-video-i2v', position: [600, 0], params: { seconds: 3 } },
      { id: 'seq', type: 'sequence', position: [900, 0], params: {} },
      { id: 'out', type: 'output', position: [1200, 0], params: { name: 'takes' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'image', port: 'image' }, to: { node: 'take-1', port: 'first' } },
      { id: 'e2', from: { node: 'p1', port: 'text' }, to: { node: 'take-1', port: 'text' } },
      { id: 'e3', from: { node: 'take-1', port: 'last' }, to: { node: 'take-2', port: 'first' } },
      { id: 'e4', from: { node: 'p2', port: 'text' }, to: { node: 'take-2', port: 'text' } },
      {
        id: 'c1',
        from: { node: 'take-1', port: 'clip' },
        to: { node: 'seq', port: 'clips' },
        order: 0,
      },
      {
        id: 'c2',
        from: { node: 'take-2', port: 'clip' },
        to: { node: 'seq', port: 'clips' },
        order: 1,
      },
      { id: 'e5', from: { node: 'seq', port: 'video' }, to: { node: 'out', port: 'video' } },
    ],
  }
  await writeFile(join(h.dir, 'takes.json'), JSON.stringify(doc))
  h.env.SHOTCHAIN_PACKS = PACK
}, 60_000)

afterAll(() => h?.emulator.stop())

describe('shotchain run with a pack of another video model', () => {
  it('estimates, runs and records its shots in the manifest', async () => {
    const estimate = await h.run('estimate', 'takes.json')
    expect(estimate.out).toMatch(/take-1\s+test-video-i2v\s+run, \$0\.15/)
    expect(estimate.out).toMatch(/estimate: 7 to run, 0 cached, \$0\.30/)

    const { code, err } = await h.run('run', 'takes.json')
    expect(err).toBe('')
    expect(code).toBe(0)
    const manifest = JSON.parse(
      await readFile(join(h.dir, 'out', 'takes', 'manifest.json'), 'utf8'),
    )
    expect(manifest.files).toEqual({ out: 'takes.mp4' })
    expect(manifest.shots).toMatchObject([
      { node: 'take-1', type: 'test-video-i2v', prompt: 'a slow push in', durationSec: 3 },
      { node: 'take-2', type: 'test-video-i2v', prompt: 'and then: a pull out', durationSec: 3 },
    ])
    expect(manifest.shots[1].inputs.first).toBeDefined()
    expect(manifest.spentUsd).toBe(0.3)
  }, 120_000)
})
