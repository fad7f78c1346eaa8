import { randomUUID } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'

/**
 * Writes `value` as JSON to `path` through a temp file and a rename, so a reader (or a process
 * started after a kill) sees the old content or the new one, never half of it.
 */
export async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  const temp = `${path}.${randomUUID().slice(0, 8)}.tmp`
  try {
    await writeFile(temp, JSON.stringify(value))
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** The JSON value of `text`, or undefined when it does not parse. */
export function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T
  } catch {
    return undefined
  }
}
