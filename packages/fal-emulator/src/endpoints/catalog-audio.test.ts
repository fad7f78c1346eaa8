import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ValidationError } from '@fal-ai/client'
import { createMediaTools } from '@shotchain/media'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestEmulator, type TestEmulator } from '../testing/test-emulator.ts'
import { validationErrorOf } from '../testing/validation-error.ts'
import { waitUntilIdle } from '../testing/wait-until-idle.ts'
import { promptFrequency } from './catalog-audio.ts'

/** Typed as a plain id, so the client takes any input (a missing prompt too). */
const AUDIO: string = 'fal-ai/stable-audio'

interface FalFileOut {
  url: string
  content_type: string
  file_name: string
  file_size: number
}

const media = createMediaTools()
let t: TestEmulator
let dir: string

async function run(input: Record<string, unknown>): Promise<{ audio_file: FalFileOut }> {
  const result = await t.viaFetch.subscribe(AUDIO, { input, pollInterval: 10 })
  return result.data as { audio_file: FalFileOut }
}

/** Downloads the sound; its bytes and what ffprobe says of it. */
async function fetchSound(file: FalFileOut) {
  const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer())
  const path = join(dir, `${Math.random().toString(36).slice(2)}.wav`)
  await writeFile(path, bytes)
  return { bytes, info: await media.probe(path) }
}

/** Rising zero crossings per second of 16-bit mono PCM after a 44-byte WAV header. */
function pitchOf(bytes: Buffer, seconds: number): number {
  let rises = 0
  for (let at = 46; at + 1 < bytes.length; at += 2) {
    if (bytes.readInt16LE(at - 2) < 0 && bytes.readInt16LE(at) >= 0) rises++
  }
  return rises / seconds
}

beforeAll(async () => {
  t = await startTestEmulator()
  dir = await mkdtemp(join(tmpdir(), 'fal-emulator-audio-'))
})

afterAll(async () => {
  await t.emulator.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('text to audio from the schema (Stable Audio)', () => {
  it('makes a WAV of seconds_total seconds, shaped like fal’s File', async () => {
    t.emulator.resetStats()
    const { audio_file } = await run({ prompt: 'rain on a tin roof', seconds_total: 3 })
    expect(audio_file).toMatchObject({ content_type: 'audio/wav', file_name: 'output.wav' })
    const { bytes, info } = await fetchSound(audio_file)
    expect(audio_file.file_size).toBe(bytes.length)
    expect(info).toMatchObject({ kind: 'audio', audio: { codec: 'pcm_s16le', sampleRate: 44100 } })
    expect(info.durationSec).toBeCloseTo(3, 2)
    await waitUntilIdle(t.emulator)
    expect(t.emulator.stats().totals).toMatchObject({ billedSeconds: 3, billedUsd: 0 })
  }, 30_000)

  it('lasts the schema’s default 30 s when seconds_total is left out', async () => {
    const { info } = await fetchSound((await run({ prompt: 'a cello drone' })).audio_file)
    expect(info.durationSec).toBeCloseTo(30, 2)
  }, 30_000)

  it('pitches the tone by the prompt, so two prompts sound different', async () => {
    const prompts = ['a cello drone', 'birdsong at dawn']
    const pitches = []
    for (const prompt of prompts) {
      const { bytes } = await fetchSound((await run({ prompt, seconds_total: 2 })).audio_file)
      pitches.push(pitchOf(bytes, 2))
    }
    expect(pitches[0]).toBeCloseTo(promptFrequency('a cello drone'), -0.5)
    expect(pitches[1]).toBeCloseTo(promptFrequency('birdsong at dawn'), -0.5)
    expect(Math.abs((pitches[0] ?? 0) - (pitches[1] ?? 0))).toBeGreaterThan(5)
  }, 30_000)

  it('refuses what fal would: seconds_total over 47, no prompt (422 naming each)', async () => {
    const long: ValidationError = await validationErrorOf(run({ prompt: 'x', seconds_total: 48 }))
    expect(long.getFieldErrors('seconds_total')).toMatchObject([
      { loc: ['body', 'seconds_total'], type: 'less_than_equal', ctx: { le: 47 } },
    ])
    const silent = await validationErrorOf(run({ seconds_total: 5 }))
    expect(silent.getFieldErrors('prompt')).toMatchObject([
      { loc: ['body', 'prompt'], type: 'missing' },
    ])
  }, 30_000)
})
