import { createRequire } from 'node:module'

/** Inter (OFL-1.1) from the npm registry, so every machine draws the same letters. */
const FONT = createRequire(import.meta.url).resolve(
  '@fontsource/inter/files/inter-latin-400-normal.woff',
)

/** A caption's lines: words wrapped at `width` characters, at most `lines` of them. */
export function wrapCaption(text: string, width = 40, lines = 4): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`
    if (next.length <= width || line === '') line = next.slice(0, width)
    else {
      out.push(line)
      line = word.slice(0, width)
    }
  }
  if (line !== '') out.push(line)
  if (out.length <= lines) return out
  const kept = out.slice(0, lines)
  kept[lines - 1] = `${(kept[lines - 1] ?? '').slice(0, width - 1)}…`
  return kept
}

/**
 * ffmpeg's `drawtext` of the caption in `textFile` (read from a file: no escaping of the
 * person's words), white on a dark box, at `top` (a fraction of the height) from the left edge.
 */
export function captionFilter(
  textFile: string,
  width: number,
  height: number,
  top: number,
): string {
  const size = Math.max(10, Math.round(height / 20))
  const margin = Math.round(width / 32)
  const path = textFile.replace(/\\/g, '/').replace(/:/g, '\\:').replace(/'/g, "\\'")
  return (
    `,drawtext=fontfile='${FONT}':textfile='${path}':expansion=none:fontsize=${size}` +
    `:fontcolor=white:line_spacing=${Math.round(size / 3)}:box=1:boxcolor=black@0.55` +
    `:boxborderw=${Math.round(size / 3)}:x=${margin}:y=${Math.round(height * top)}`
  )
}
