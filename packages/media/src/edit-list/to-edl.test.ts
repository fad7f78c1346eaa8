import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { arbitraryEditList, fourShotChain } from '../testing/edit-list-chain.ts'
import type { FrameRate } from './edit-list.ts'
import { sequenceTimes } from './sequence-times.ts'
import { timecodeToFrames } from './timecode.ts'
import { toEdl } from './to-edl.ts'

const chain = fourShotChain

interface EdlLine {
  readonly event: number
  readonly reel: string
  readonly channel: string
  readonly effect: string
  readonly dissolve: number
  readonly source: [number, number]
  readonly record: [number, number]
  readonly comments: string[]
}

/** A small CMX 3600 reader: the header and every event line with the comments after it. */
function parseEdl(text: string, rate: FrameRate) {
  const lines: EdlLine[] = []
  const header: Record<string, string> = {}
  const tc = (t: string) => {
    const frames = timecodeToFrames(t, rate)
    if (frames === undefined) throw new Error(`not timecode: ${t}`)
    return frames
  }
  for (const raw of text.split('\n')) {
    const head = /^(TITLE|FCM):\s*(.*)$/.exec(raw)
    const event =
      /^(\d{3})\s+(\S+)\s+(\S+)\s+(C|D)\s+(?:(\d{3})\s+)?(\S+) (\S+) (\S+) (\S+)\s*$/.exec(raw)
    if (head) header[head[1] as string] = head[2] as string
    else if (event) {
      const [, n, reel, channel, effect, dissolve, si, so, ri, ro] = event as unknown as string[]
      lines.push({
        event: Number(n),
        reel: reel as string,
        channel: channel as string,
        effect: effect as string,
        dissolve: Number(dissolve ?? 0),
        source: [tc(si as string), tc(so as string)],
        record: [tc(ri as string), tc(ro as string)],
        comments: [],
      })
    } else if (raw.startsWith('* ')) lines.at(-1)?.comments.push(raw.slice(2))
    else if (raw.trim() !== '') throw new Error(`unreadable EDL line: ${raw}`)
  }
  return { header, lines }
}

describe('toEdl', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shotchain-edl-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('round-trips through a .edl file whose timecodes add up to the sequence', async () => {
    const file = join(dir, 'chain.edl')
    await writeFile(file, toEdl(chain))
    const { header, lines } = parseEdl(await readFile(file, 'utf8'), chain.rate)
    const times = sequenceTimes(chain)
    const start = 86_400
    expect(header).toEqual({ TITLE: 'Four-shot chain', FCM: 'NON-DROP FRAME' })
    for (const l of lines) {
      expect(l.record[1] - l.record[0]).toBe(l.source[1] - l.source[0])
      expect(l.reel.length).toBeLessThanOrEqual(8)
    }
    const video = lines.filter((l) => l.channel === 'V')
    video.forEach((l, k) => {
      expect(l.record[0]).toBe(k === 0 ? start : video[k - 1]?.record[1])
    })
    expect(video.at(-1)?.record[1]).toBe(start + times.totalFrames)
    // One event per clip; a dissolve is two lines of one event.
    expect(video.map((l) => [l.event, l.effect, l.dissolve])).toEqual([
      [1, 'C', 0],
      [2, 'C', 0],
      [2, 'D', 12],
      [3, 'C', 0],
      [3, 'D', 7],
      [4, 'C', 0],
    ])
    // The dissolve's zero-length line holds the outgoing clip at the frame the dissolve starts.
    expect(video[1]?.source).toEqual([108, 108])
    expect(video[1]?.record).toEqual([start + 103, start + 103])
    // Every clip's trimmed frames are shown: its event, plus the dissolve the next event opens with.
    const shown = video.filter((l) => l.effect === 'D' || l.source[0] !== l.source[1])
    shown.forEach((l, k) => {
      const clip = times.clips[k]
      expect([l.source[0], l.source[1] + (clip?.overlapOut ?? 0)]).toEqual([
        clip?.sourceIn,
        clip?.sourceOut,
      ])
      expect(l.record[0] - start).toBe(clip?.recordIn)
    })
  })

  it('adds up for any edit list: records contiguous from the start to the total, each as long as its source', () => {
    fc.assert(
      fc.property(arbitraryEditList, (list) => {
        const { lines } = parseEdl(toEdl(list, { startFrame: 0 }), list.rate)
        const video = lines.filter((l) => l.channel === 'V')
        for (const l of lines) expect(l.record[1] - l.record[0]).toBe(l.source[1] - l.source[0])
        video.forEach((l, k) => {
          expect(l.record[0]).toBe(k === 0 ? 0 : video[k - 1]?.record[1])
        })
        expect(video.at(-1)?.record[1]).toBe(sequenceTimes(list).totalFrames)
        expect(new Set(video.map((l) => l.event)).size).toBe(list.clips.length)
      }),
    )
  })

  it('names each clip by its file and shot, and a dissolve by both files', () => {
    const { lines } = parseEdl(toEdl(chain), chain.rate)
    expect(lines[0]?.comments).toEqual(['FROM CLIP NAME: shot 1.mp4', 'COMMENT: shot1'])
    expect(lines[2]?.comments).toEqual([
      'FROM CLIP NAME: shot 1.mp4',
      'TO CLIP NAME: shot2.mp4',
      'COMMENT: shot2',
    ])
    expect(lines[4]?.comments).toEqual([
      'FROM CLIP NAME: shot2.mp4',
      'TO CLIP NAME: shot3.mp4',
      'COMMENT: shot3',
    ])
    expect(lines[5]?.comments).toEqual(['FROM CLIP NAME: shot4.mp4', 'COMMENT: shot4'])
    expect(lines.every((l) => l.reel === 'AX')).toBe(true)
  })

  it('lays the soundtrack on AA under the picture, cut to it, with its fade as a note', () => {
    const { lines } = parseEdl(toEdl(chain), chain.rate)
    const audio = lines.filter((l) => l.channel === 'AA')
    const total = sequenceTimes(chain).totalFrames
    expect(audio).toHaveLength(1)
    expect(audio[0]?.source).toEqual([0, total])
    expect(audio[0]?.record).toEqual([86_400, 86_400 + total])
    expect(audio[0]?.comments).toEqual([
      'FROM CLIP NAME: theme.wav',
      'COMMENT: soundtrack',
      'COMMENT: FADE OUT THE LAST 48 FRAMES',
    ])
    expect(audio[0]?.event).toBe(5)
  })

  it('writes the fixed CMX columns', () => {
    const text = toEdl({ ...chain, soundtrack: undefined }, { startFrame: 0 })
    expect(text.split('\n').slice(0, 6)).toEqual([
      'TITLE: Four-shot chain',
      'FCM: NON-DROP FRAME',
      '',
      '001  AX       V     C        00:00:00:05 00:00:04:12 00:00:00:00 00:00:04:07',
      '* FROM CLIP NAME: shot 1.mp4',
      '* COMMENT: shot1',
    ])
    expect(text).toContain(
      '002  AX       V     D    012 00:00:00:00 00:00:04:07 00:00:04:07 00:00:08:14',
    )
  })

  it('at 29.97 writes non-drop-frame timecode counting 30 a second', () => {
    const rate = { numerator: 30000, denominator: 1001 }
    const text = toEdl({ ...chain, rate })
    const { header, lines } = parseEdl(text, rate)
    expect(header.FCM).toBe('NON-DROP FRAME')
    expect(text).not.toContain(';')
    expect(lines[0]?.record[0]).toBe(108_000)
    expect(lines.filter((l) => l.channel === 'V').at(-1)?.record[1]).toBe(
      108_000 + sequenceTimes(chain).totalFrames,
    )
  })

  it('refuses what sequenceTimes refuses, and a dissolve longer than three digits', () => {
    expect(() =>
      toEdl({ ...chain, clips: [{ label: 'shot1', media: 'a.mp4', frames: 10, in: 10 }] }),
    ).toThrow(/clip "shot1"/)
    const long = {
      ...chain,
      clips: [
        {
          label: 'a',
          media: 'a.mp4',
          frames: 5000,
          next: { kind: 'crossfade', frames: 1000 } as const,
        },
        { label: 'b', media: 'b.mp4', frames: 5000 },
      ],
    }
    expect(() => toEdl(long)).toThrow(/crossfade into clip "b" lasts 1000 frames/)
  })
})
