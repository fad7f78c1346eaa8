import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from './node.ts'

const PACK = resolve(import.meta.dirname, '..')
const REPO = resolve(PACK, '../../..')
const CLI = resolve(REPO, 'apps/cli/bin/shotchain.js')

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return [view.getUint32(16), view.getUint32(20)]
}

let home: string
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'shotchain-pack-'))
})
afterAll(() => rm(home, { recursive: true, force: true }))

describe('the title-card pack', () => {
  it('draws its text: a PNG of the asked size, and other text gives other pixels', async () => {
    const { render } = createServices().titleCard
    const card = { width: 640, height: 360, background: '#101820', color: '#f2f2f2' }
    const signal = new AbortController().signal
    const dawn = await render({ ...card, text: 'DAWN' }, signal)
    const dusk = await render({ ...card, text: 'DUSK' }, signal)
    expect(pngSize(dawn)).toEqual([640, 360])
    expect(Buffer.compare(Buffer.from(dawn), Buffer.from(dusk))).not.toBe(0)
  })

  it('is picked up by the CLI through SHOTCHAIN_PACKS alone: the card starts a Kling shot', async () => {
    const out = join(home, 'out')
    const result = await new Promise<{ code: number | null; output: string }>((done) => {
      const child = spawn(
        process.execPath,
        [CLI, 'run', join(PACK, 'title-card-shot.json'), '--out', out, '--yes'],
        {
          cwd: PACK,
          env: { PATH: process.env.PATH, SHOTCHAIN_HOME: home, SHOTCHAIN_PACKS: '.' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
      })
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString()
      })
      child.on('close', (code) => done({ code, output }))
    })
    expect(result.code, result.output).toBe(0)
    expect(result.output).toMatch(/title\s+title-card\s+run/)
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
    expect(manifest.files).toEqual({ out: 'opening.mp4' })
  }, 120_000)
})
