import { join } from 'node:path'
import { createMediaTools } from '@shotchain/media'
import { ffmpeg } from '@shotchain/media/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliHarness, createCliHarness, shortShots } from './testing/cli-harness.ts'

let h: CliHarness
const media = createMediaTools()

/**
 * examples/single-shot.json with a 3 s shot played by a sequence, and Stable Audio (10 s asked)
 * wired to the sequence's soundtrack.
 */
beforeAll(async () => {
  h = await createCliHarness()
  await h.editWorkflow('single-shot.json', (doc) => {
    shortShots(doc, 3)
    doc.nodes.push(
      {
        id: 'music',
        type: 'fal:fal-ai/stable-audio',
        params: { prompt: 'slow strings over a harbour', seconds_total: 10 },
      },
      { id: 'seq', type: 'sequence', params: {} },
    )
    for (const n of doc.nodes) (n as { position?: number[] }).position ??= [0, 0]
    doc.edges = doc.edges.filter((e) => e.to.node !== 'out')
    const edge = (from: string, to: string, order?: number) => {
      const [fromNode = '', fromPort = ''] = from.split('.')
      const [toNode = '', toPort = ''] = to.split('.')
      doc.edges.push({
        id: `${from}->${to}`,
        from: { node: fromNode, port: fromPort },
        to: { node: toNode, port: toPort },
        ...(order === undefined ? {} : { order }),
      } as (typeof doc.edges)[number])
    }
    edge('shot.video', 'seq.clips', 0)
    edge('music.audio', 'seq.soundtrack')
    edge('seq.video', 'out.video')
  })
}, 60_000)

afterAll(() => h?.emulator.stop())

describe('a fal audio model feeding a sequence’s soundtrack, offline', () => {
  it('is refused under a budget: its price is unknown, and nothing is sent', async () => {
    const { code, err } = await h.run('run', 'single-shot.json', '--yes', '--budget', '5')
    expect(code).not.toBe(0)
    expect(err).toMatch(/1 node\(s\) have an unknown price.*--allow-unknown-price/)
    expect(h.submits()).toBe(0)
  }, 60_000)

  it('lays the generated sound under the stitched picture, cut to its length', async () => {
    const args = ['run', 'single-shot.json', '--yes', '--budget', '5', '--allow-unknown-price']
    const { code, out, err } = await h.run(...args)
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out).toMatch(/music +fal:fal-ai\/stable-audio +run, price unknown/)
    expect(h.emulator.stats().billed).toEqual({
      'fal-ai/kling-video/o1/standard/image-to-video': 1,
      'fal-ai/stable-audio': 1,
    })
    const mp4 = join(h.dir, 'out', 'single-shot', 'single-shot.mp4')
    const picture = await media.probe(mp4)
    expect(picture).toMatchObject({ kind: 'video', hasAudio: true, audio: { codec: 'aac' } })
    expect(picture.durationSec).toBeCloseTo(3, 1)
    // The audio stream alone, copied out and probed: as long as the picture, not the 10 s asked.
    const sound = join(h.dir, 'soundtrack.m4a')
    await ffmpeg('-i', mp4, '-map', '0:a:0', '-c', 'copy', '-f', 'ipod', sound)
    const track = await media.probe(sound)
    expect(track.kind).toBe('audio')
    expect(Math.abs(track.durationSec - picture.durationSec)).toBeLessThan(0.1)
  }, 180_000)
})
