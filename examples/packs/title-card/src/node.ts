import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { textRuns } from './glyphs.ts'
import type { TitleCardParams, TitleCardServices } from './title-card-node.ts'

/** The npm-installed ffmpeg (a binary inside a registry package). */
const ffmpegPath = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string })
  .path

/** `#101820` → `0x101820`, as ffmpeg's colour options take it. */
const ffmpegColour = (hex: string) => `0x${hex.slice(1)}`

/**
 * The ffmpeg filter that draws `card.text` centred: one `drawbox` per lit run of the pixel font,
 * each glyph pixel a square as large as fits 80 % of the width and a third of the height.
 */
export function cardFilter(card: TitleCardParams): string {
  const { runs, width, height } = textRuns(card.text)
  const scale = Math.max(
    1,
    Math.floor(Math.min((card.width * 0.8) / width, card.height / 3 / height)),
  )
  const left = Math.round((card.width - width * scale) / 2)
  const top = Math.round((card.height - height * scale) / 2)
  const colour = ffmpegColour(card.color)
  const boxes = runs.map(
    (run) =>
      `drawbox=x=${left + run.x * scale}:y=${top + run.y * scale}:w=${run.length * scale}:h=${scale}:color=${colour}:t=fill`,
  )
  return boxes.length > 0 ? boxes.join(',') : 'null'
}

/** Renders a card to PNG bytes with the npm-installed ffmpeg. */
async function render(card: TitleCardParams, signal: AbortSignal): Promise<Uint8Array> {
  const args = [
    ...['-v', 'error', '-f', 'lavfi'],
    ...['-i', `color=c=${ffmpegColour(card.background)}:s=${card.width}x${card.height}`],
    ...['-vf', cardFilter(card), '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'png', '-'],
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { signal, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(new Uint8Array(Buffer.concat(out)))
      else reject(new Error(`ffmpeg could not draw the title card: ${err.trim().slice(-300)}`))
    })
  })
}

/** The pack's services for the server and the CLI (merged into the nodes' `ctx.services`). */
export function createServices(): TitleCardServices {
  return { titleCard: { render } }
}
