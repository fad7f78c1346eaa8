import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ffmpeg from '@ffmpeg-installer/ffmpeg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliHarness, createCliHarness, type WorkflowJson } from './testing/cli-harness.ts'

let h: CliHarness

beforeAll(async () => {
  h = await createCliHarness()
}, 60_000)

afterAll(() => h?.emulator.stop())

/** Writes a variant of single-shot.json and runs it; every case must fail before any submit. */
async function runBroken(name: string, edit: (doc: WorkflowJson) => void) {
  const file = `${name}.json`
  const doc = JSON.parse(await readFile(join(h.dir, 'single-shot.json'), 'utf8')) as WorkflowJson
  edit(doc)
  await writeFile(join(h.dir, file), JSON.stringify(doc))
  const before = h.submits()
  const result = await h.run('run', file)
  expect(h.submits()).toBe(before)
  expect(result.code).not.toBe(0)
  return result.err
}

const setParam = (id: string, key: string, value: unknown) => (doc: WorkflowJson) => {
  const node = doc.nodes.find((n) => n.id === id)
  if (node) node.params[key] = value
}

/** Runs ffmpeg on the scratch folder's images; returns the path as a workflow names it. */
function makeImage(name: string, ...args: string[]): string {
  const result = spawnSync(ffmpeg.path, ['-v', 'error', '-y', ...args, join(h.dir, 'images', name)])
  if (result.status !== 0) throw new Error(String(result.stderr))
  return `images/${name}`
}

/** The example image scaled to `size` (`w:h`). */
const scaled = (name: string, size: string) =>
  makeImage(name, '-i', join(h.dir, 'images', 'harbour.jpg'), '-vf', `scale=${size}`)

describe('shotchain run refuses bad input before paying', () => {
  it('names a missing image file', async () => {
    const err = await runBroken('missing', setParam('image', 'path', 'images/nope.jpg'))
    expect(err).toMatch(/node image.*path.*nope\.jpg.*does not exist/s)
  })

  // Refused when planned, on the image node at fault, naming the shot that would send it to fal.
  it('names the image node whose picture fal would refuse: 200×200, 3:1', async () => {
    const small = scaled('small.png', '200:200')
    expect(await runBroken('small', setParam('image', 'path', small))).toMatch(
      /node image\] nodes\[0\]\.params\.path: the image is 200×200 px.*Kling O1 image to video \(node shot\)/,
    )
    const wide = scaled('wide.png', '1500:500')
    expect(await runBroken('wide', setParam('image', 'path', wide))).toMatch(
      /node image\] nodes\[0\]\.params\.path: the image is 1500×500 px.*aspect/,
    )
  })

  it('names a 12 MB image', async () => {
    // Noise does not compress: a 2400×2400 PNG of it is over 12 MB.
    const noise = 'nullsrc=s=2400x2400,geq=lum=random(1)*255:cb=random(2)*255:cr=random(3)*255'
    const huge = makeImage('huge.png', '-f', 'lavfi', '-i', noise, '-frames:v', '1')
    expect(await runBroken('huge', setParam('image', 'path', huge))).toMatch(
      /node image\] nodes\[0\]\.params\.path: the image is 1\d\.\d MB/,
    )
    // ffmpeg draws 5.8 million random pixels and the CLI reads 12 MB: seconds on a busy machine.
  }, 30_000)

  it('names bad params, @Image2 without an end frame, cycles and unknown types', async () => {
    expect(await runBroken('d11', setParam('shot', 'duration', 11))).toMatch(
      /nodes\[2\]\.params\.duration/,
    )
    expect(await runBroken('img2', setParam('prompt', 'text', 'from @Image1 to @Image2'))).toMatch(
      /node shot.*end/s,
    )
    expect(
      await runBroken('unknown', (doc) => {
        const node = doc.nodes.find((n) => n.id === 'shot')
        if (node) node.type = 'kling-v9'
      }),
    ).toMatch(/nodes\[2\]\.type.*kling-v9/s)
    expect(
      await runBroken('cycle', (doc) => {
        doc.nodes.push({
          id: 'frame',
          type: 'extract-frame',
          position: [0, 0],
          params: {},
        } as WorkflowJson['nodes'][number])
        doc.edges.push(
          { id: 'c1', from: { node: 'shot', port: 'video' }, to: { node: 'frame', port: 'video' } },
          { id: 'c2', from: { node: 'frame', port: 'image' }, to: { node: 'shot', port: 'end' } },
        )
      }),
    ).toMatch(/cycle.*shot.*frame|cycle.*frame.*shot/is)
  })

  it('explains truncated JSON', async () => {
    await writeFile(join(h.dir, 'truncated.json'), '{"format": "shotchain.workflow", "nodes": [')
    const before = h.submits()
    const { code, err } = await h.run('run', 'truncated.json')
    expect(code).toBe(2)
    expect(err).toMatch(/truncated\.json.*JSON/is)
    expect(h.submits()).toBe(before)
  })
})
