import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FalModel } from '@shotchain/fal-catalog'
import type { CatalogParams } from './catalog-input.ts'
import type { JobContext } from './endpoint.ts'

/** The sample rate of the emulator's sounds, as fal's Stable Audio writes them. */
const SAMPLE_RATE = 44_100

/**
 * The pitch (Hz) of the tone the emulator makes for `prompt`: 220–880 Hz, from the prompt's
 * SHA-256, so two prompts sound different (but for a 1 in 661 chance) and a test can tell which
 * prompt made a sound.
 */
export function promptFrequency(prompt: string): number {
  const hash = createHash('sha256').update(prompt).digest()
  return 220 + (hash.readUInt16BE(0) % 661)
}

/**
 * A mono 16-bit PCM WAV of a sine tone: `seconds` long to the sample. Written directly (a WAV is
 * a 44-byte header and the samples), so it needs no ffmpeg and no media tool the emulator's
 * media port lacks.
 */
export function sineWav(frequency: number, seconds: number): Buffer {
  const samples = Math.round(seconds * SAMPLE_RATE)
  const wav = Buffer.alloc(44 + samples * 2)
  wav.write('RIFF', 0, 'ascii')
  wav.writeUInt32LE(36 + samples * 2, 4)
  wav.write('WAVEfmt ', 8, 'ascii')
  wav.writeUInt32LE(16, 16)
  wav.writeUInt16LE(1, 20) // PCM
  wav.writeUInt16LE(1, 22) // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24)
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28)
  wav.writeUInt16LE(2, 32)
  wav.writeUInt16LE(16, 34)
  wav.write('data', 36, 'ascii')
  wav.writeUInt32LE(samples * 2, 40)
  for (let i = 0; i < samples; i++) {
    const value = Math.sin((2 * Math.PI * frequency * i) / SAMPLE_RATE) * 0.3 * 32767
    wav.writeInt16LE(Math.round(value), 44 + i * 2)
  }
  return wav
}

/**
 * A text-to-audio model's result, in the shape its schema declares (`{audio_file: File}` for
 * Stable Audio): a WAV tone of `seconds_total` seconds (the schema's `duration` for another
 * model), pitched by the prompt, published as `audio/wav`.
 */
export async function makeCatalogAudio(model: FalModel, params: CatalogParams, ctx: JobContext) {
  const output = model.outputs.find((o) => o.media === 'audio')
  if (output === undefined) throw new Error(`${model.endpointId} declares no audio result`)
  const seconds = Number(params.seconds_total ?? params.duration ?? 0)
  const prompt = typeof params.prompt === 'string' ? params.prompt : ''
  const frequency = promptFrequency(prompt)
  ctx.log(`Generating ${seconds}s of audio at ${frequency} Hz`)
  const file = join(await ctx.tempDir(), 'output.wav')
  await writeFile(file, sineWav(frequency, seconds))
  const audio = await ctx.publish(file, 'audio/wav', 'output.wav')
  return { body: { [output.name]: output.list ? [audio] : audio }, durationSec: seconds }
}
