import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import { ffmpeg, makeClip, makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'
import { makeSound } from '../testing/make-sound.ts'

const media = createMediaTools()

describe('probe', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  beforeAll(async () => {
    temp = await makeTempDir()
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it('reports duration, size, frame rate, codec and audio of a clip', async () => {
    const file = await makeClip(join(temp.dir, 'sound.mp4'), {
      width: 320,
      height: 180,
      fps: 25,
      durationSec: 2,
      audioSec: 2,
    })
    const info = await media.probe(file)
    expect(info).toMatchObject({
      kind: 'video',
      width: 320,
      height: 180,
      fps: 25,
      codec: 'h264',
      hasAudio: true,
    })
    expect(info.durationSec).toBeCloseTo(2, 1)
    expect(info.sizeBytes).toBeGreaterThan(1000)
  })

  it('reports a silent clip as having no audio', async () => {
    const file = await makeClip(join(temp.dir, 'silent.mp4'), {
      width: 64,
      height: 64,
      fps: 30,
      durationSec: 1,
    })
    expect(await media.probe(file)).toMatchObject({ hasAudio: false, fps: 30 })
  })

  it('reports an image with no duration', async () => {
    const file = await makeImage(join(temp.dir, 'still.png'), 'mandelbrot', 300, 200)
    expect(await media.probe(file)).toMatchObject({
      kind: 'image',
      width: 300,
      height: 200,
      durationSec: 0,
      fps: 0,
      codec: 'png',
    })
  })

  it.each([
    ['mp3', 'mp3'],
    ['wav', 'pcm_s16le'],
    ['m4a', 'aac'],
  ] as const)(
    'reports a %s sound with its duration, codec, sample rate and channels',
    async (format, codec) => {
      const file = await makeSound(join(temp.dir, `tone.${format}`), { seconds: 1.5, format })
      const info = await media.probe(file)
      expect(info).toMatchObject({
        kind: 'audio',
        width: 0,
        height: 0,
        fps: 0,
        codec,
        hasAudio: true,
      })
      expect(info.audio).toEqual({ codec, sampleRate: 44100, channels: 1 })
      // MP3 frames and AAC priming pad the end by a few tens of milliseconds.
      expect(info.durationSec).toBeGreaterThanOrEqual(1.49)
      expect(info.durationSec).toBeLessThan(1.6)
    },
  )

  it('reports the sound of a clip beside its picture', async () => {
    const file = await makeClip(join(temp.dir, 'voiced.mp4'), {
      width: 64,
      height: 64,
      fps: 10,
      durationSec: 1,
      audioSec: 1,
    })
    expect(await media.probe(file)).toMatchObject({
      kind: 'video',
      audio: { codec: 'aac', sampleRate: 44100, channels: 1 },
    })
  })

  it('calls an MP4 holding only sound audio', async () => {
    const file = join(temp.dir, 'sound-only.mp4')
    await ffmpeg('-f', 'lavfi', '-i', 'sine=d=1', '-c:a', 'aac', '-f', 'mp4', file)
    expect(await media.probe(file)).toMatchObject({ kind: 'audio', codec: 'aac' })
  })

  it('refuses a sound where a picture is needed, naming the file', async () => {
    const file = await makeSound(join(temp.dir, 'thumb.wav'), { seconds: 0.5, format: 'wav' })
    await expect(media.thumbnail(file, join(temp.dir, 't.png'), 64)).rejects.toMatchObject({
      code: 'validation',
      message: `${file} is audio (pcm_s16le), not a video or an image`,
    })
    await expect(media.extractFrame(file, 'first', join(temp.dir, 'f.png'))).rejects.toMatchObject({
      code: 'validation',
      message: `${file} is audio (pcm_s16le), not a video or an image`,
    })
  })

  it('names a missing file in a validation error', async () => {
    const missing = join(temp.dir, 'nope.mp4')
    await expect(media.probe(missing)).rejects.toMatchObject({
      code: 'validation',
      message: `File not found: ${missing}`,
    })
  })

  it('names a text file in a validation error', async () => {
    const text = join(temp.dir, 'notes.mp4')
    await writeFile(text, 'these are my notes, not a video\n'.repeat(20))
    const error = await media.probe(text).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'validation' })
    expect((error as Error).message).toContain(`${text} is not a video or an image`)
  })

  it('rejects a folder', async () => {
    await expect(media.probe(temp.dir)).rejects.toMatchObject({ code: 'validation' })
  })
})
