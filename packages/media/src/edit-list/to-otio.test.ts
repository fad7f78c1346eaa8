import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkOtio } from '../testing/check-otio.ts'
import { arbitraryEditList, fourShotChain } from '../testing/edit-list-chain.ts'
import { sequenceTimes } from './sequence-times.ts'
import { toOtio, toOtioText } from './to-otio.ts'

const chain = fourShotChain

// biome-ignore lint/suspicious/noExplicitAny: the test walks the file's JSON as read
type Json = Record<string, any>

/** Each clip's record and source range as OTIO reads them: its place in the track, widened by the transitions either side (OTIO's `visible_range`). */
function visibleRanges(track: Json) {
  const children: Json[] = track.children
  const ranges: {
    name: string
    recordIn: number
    recordOut: number
    sourceIn: number
    sourceOut: number
  }[] = []
  let at = 0
  children.forEach((child, k) => {
    if (child.OTIO_SCHEMA !== 'Clip.2') return
    const before =
      children[k - 1]?.OTIO_SCHEMA === 'Transition.1' ? children[k - 1]?.in_offset.value : 0
    const after =
      children[k + 1]?.OTIO_SCHEMA === 'Transition.1' ? children[k + 1]?.out_offset.value : 0
    const start = child.source_range.start_time.value
    const length = child.source_range.duration.value
    ranges.push({
      name: child.name,
      recordIn: at - before,
      recordOut: at + length + after,
      sourceIn: start - before,
      sourceOut: start + length + after,
    })
    at += length
  })
  return { ranges, length: at }
}

describe('toOtio', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shotchain-otio-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it("writes a timeline that holds to OTIO's schema names, fields and transition rules", () => {
    expect(checkOtio(toOtio(chain))).toEqual([])
    expect(checkOtio(toOtio({ ...chain, soundtrack: undefined }))).toEqual([])
  })

  it('lays a video track of clips with a dissolve across each crossfade, and an audio track that fades out', () => {
    const timeline = toOtio(chain)
    const [video, audio] = timeline.tracks.children
    expect(timeline.tracks.children).toHaveLength(2)
    expect(video?.kind).toBe('Video')
    expect(video?.children.map((c) => c.OTIO_SCHEMA)).toEqual([
      'Clip.2',
      'Transition.1',
      'Clip.2',
      'Transition.1',
      'Clip.2',
      'Clip.2',
    ])
    const fade = video?.children[1] as Json
    expect([fade.transition_type, fade.in_offset.value, fade.out_offset.value]).toEqual([
      'SMPTE_Dissolve',
      6,
      6,
    ])
    const odd = video?.children[3] as Json
    expect([odd.in_offset.value, odd.out_offset.value]).toEqual([3, 4])
    const first = video?.children[0] as Json
    expect(first.media_references.DEFAULT_MEDIA.target_url).toBe('file:///runs/r1/shot%201.mp4')
    expect(first.media_references.DEFAULT_MEDIA.name).toBe('shot 1.mp4')
    expect(first.media_references.DEFAULT_MEDIA.available_range.duration).toEqual({
      OTIO_SCHEMA: 'RationalTime.1',
      rate: 24,
      value: 120,
    })
    expect(
      (video?.children[4] as Json | undefined)?.media_references.DEFAULT_MEDIA.target_url,
    ).toBe('https://cdn.example/shot3.mp4?sig=1')
    expect(
      (video?.children[5] as Json | undefined)?.media_references.DEFAULT_MEDIA.target_url,
    ).toBe('clips/shot4.mp4')
    expect(audio?.kind).toBe('Audio')
    expect(audio?.children.map((c) => c.OTIO_SCHEMA)).toEqual(['Clip.2', 'Transition.1', 'Gap.1'])
    const music = audio?.children[0] as Json
    const total = sequenceTimes(chain).totalFrames
    expect([music.source_range.start_time.value, music.source_range.duration.value]).toEqual([
      0,
      total,
    ])
    expect((audio?.children[1] as Json | undefined)?.in_offset.value).toBe(48)
    expect(timeline.global_start_time).toEqual({
      OTIO_SCHEMA: 'RationalTime.1',
      rate: 24,
      value: 86_400,
    })
  })

  it('round-trips through a .otio file: the clips come back at the record and source frames of the model', async () => {
    const file = join(dir, 'chain.otio')
    await writeFile(file, toOtioText(chain))
    const read = JSON.parse(await readFile(file, 'utf8'))
    expect(checkOtio(read)).toEqual([])
    const times = sequenceTimes(chain)
    const { ranges, length } = visibleRanges(read.tracks.children[0])
    expect(length).toBe(times.totalFrames)
    expect(ranges).toEqual(
      times.clips.map((c) => ({
        name: c.label,
        recordIn: c.recordIn,
        recordOut: c.recordOut,
        sourceIn: c.sourceIn,
        sourceOut: c.sourceOut,
      })),
    )
  })

  it('keeps every clip at its record and source frames, and the schema rules, for any edit list', () => {
    fc.assert(
      fc.property(arbitraryEditList, (list) => {
        const timeline = JSON.parse(toOtioText(list))
        expect(checkOtio(timeline)).toEqual([])
        const times = sequenceTimes(list)
        const { ranges, length } = visibleRanges(timeline.tracks.children[0])
        expect(length).toBe(times.totalFrames)
        expect(ranges.map((r) => [r.recordIn, r.recordOut, r.sourceIn, r.sourceOut])).toEqual(
          times.clips.map((c) => [c.recordIn, c.recordOut, c.sourceIn, c.sourceOut]),
        )
      }),
    )
  })

  it('writes 29.97 as its exact rate, and starts at the asked frame', () => {
    const timeline = toOtio({ ...chain, rate: { numerator: 30000, denominator: 1001 } })
    expect(timeline.global_start_time?.rate).toBeCloseTo(29.97002997, 8)
    expect(timeline.global_start_time?.value).toBe(108_000)
    expect(toOtio(chain, { startFrame: 0 }).global_start_time?.value).toBe(0)
    expect(timeline.metadata).toEqual({ shotchain: { rate: '30000/1001', frames: 421 } })
  })

  it('is caught by the check when a rule is broken', () => {
    const timeline = JSON.parse(toOtioText(chain))
    const video = timeline.tracks.children[0]
    video.children.splice(2, 1) // two transitions side by side
    video.children[0].media_reference = video.children[0].media_references.DEFAULT_MEDIA
    video.kind = 'Picture'
    timeline.tracks.children[1].children.unshift(timeline.tracks.children[1].children[1])
    expect(checkOtio(timeline)).toEqual([
      '$.tracks.children[0]: kind must be Video or Audio',
      '$.tracks.children[0].children[1]: two transitions side by side',
      '$.tracks.children[0].children[0]: Clip.2 has no field media_reference',
      '$.tracks.children[1].children[0]: a transition cannot be first or last',
    ])
  })

  it('refuses an edit list that sequenceTimes refuses', () => {
    const bad = { ...chain, clips: [{ label: 'shot1', media: 'a.mp4', frames: 10, out: 11 }] }
    expect(() => toOtio(bad)).toThrow(/clip "shot1".*beyond/)
  })
})
