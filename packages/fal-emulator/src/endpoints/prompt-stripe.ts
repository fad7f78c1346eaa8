import { createHash } from 'node:crypto'

/** How many cells the prompt stripe has: 12 cells of 3 bits, 36 bits of the prompt's hash. */
export const STRIPE_CELLS = 12

/** The eight corners of the RGB cube: far apart, so they survive H.264 and 4:2:0 chroma. */
const CORNERS = ['000000', '0000ff', '00ff00', '00ffff', 'ff0000', 'ff00ff', 'ffff00', 'ffffff']

/**
 * The colours (`RRGGBB`) the emulator's Kling clips show in a stripe on every frame but the
 * first and the last: 3 bits each of the SHA-256 of `prompt`. Two prompts give two stripes (but
 * for a 1 in 2^36 chance), so a test can read which prompt made a clip from its middle frame.
 */
export function promptStripe(prompt: string): string[] {
  const hash = createHash('sha256').update(prompt).digest()
  const bits = hash.readUIntBE(0, 6)
  return Array.from(
    { length: STRIPE_CELLS },
    (_, i) => CORNERS[Math.floor(bits / 2 ** (3 * i)) % 8] as string,
  )
}

/**
 * The background (`RRGGBB`) of an emulator image made from `prompt`: three more bytes of the
 * prompt's SHA-256, kept to mid tones (48–207), so two prompts give visibly different pictures.
 */
export function promptBackground(prompt: string): string {
  const hash = createHash('sha256').update(prompt).digest()
  return [6, 7, 8]
    .map((i) => (48 + Math.floor(((hash[i] ?? 0) * 160) / 256)).toString(16).padStart(2, '0'))
    .join('')
}
