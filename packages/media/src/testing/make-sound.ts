import { ffmpeg } from './fixtures.ts'

/** Options of {@link makeSound}. */
export interface SoundOptions {
  /** Length of the tone in seconds. */
  readonly seconds: number
  /** MP3 (libmp3lame, with an ID3 tag), WAV (16-bit PCM) or M4A (AAC in an `M4A ` MP4). */
  readonly format: 'mp3' | 'wav' | 'm4a'
  /** The sine's pitch in Hz; 440 by default. */
  readonly frequency?: number
}

const ENCODERS: Record<SoundOptions['format'], readonly string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-f', 'mp3'],
  wav: ['-c:a', 'pcm_s16le', '-f', 'wav'],
  m4a: ['-c:a', 'aac', '-f', 'ipod'],
}

/**
 * Writes a mono 44.1 kHz sine tone to `file` with ffmpeg's lavfi `sine` source and returns the
 * path; the format comes from `options`, not from the file's name.
 *
 * @example
 * const wav = await makeSound(join(dir, 'tone.wav'), { seconds: 2, format: 'wav' })
 */
export async function makeSound(file: string, options: SoundOptions): Promise<string> {
  const source = `sine=f=${options.frequency ?? 440}:d=${options.seconds}:r=44100`
  await ffmpeg('-f', 'lavfi', '-i', source, '-ac', '1', ...ENCODERS[options.format], file)
  return file
}
