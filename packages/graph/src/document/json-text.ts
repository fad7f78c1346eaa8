import type { Issue } from '../validate/issue.ts'

/** JSON text read into a value, or an `invalid-json` issue saying where it broke. */
export type JsonTextResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issue: Issue }

/**
 * `JSON.parse` that returns an issue instead of throwing, with the line and column of the
 * error when the runtime reports a position. A leading byte-order mark is ignored.
 */
export function parseJsonText(text: string): JsonTextResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (source.trim() === '') return invalid('the file is empty; expected a workflow as JSON')
  try {
    return { ok: true, value: JSON.parse(source) }
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error)
    const position = /at position (\d+)/.exec(raw)?.[1]
    const reason = raw.replace(/ in JSON at position \d+.*$/s, '')
    const where = position === undefined ? '' : ` (${lineAndColumn(source, Number(position))})`
    return invalid(`the file is not valid JSON: ${reason}${where}`)
  }
}

function lineAndColumn(text: string, position: number): string {
  let line = 1
  let lineStart = 0
  const end = Math.min(position, text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return `line ${line}, column ${end - lineStart + 1}`
}

function invalid(message: string): JsonTextResult {
  return { ok: false, issue: { code: 'invalid-json', path: '', message, severity: 'error' } }
}
