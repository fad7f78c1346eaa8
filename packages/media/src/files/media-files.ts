import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { validationError } from '../process/media-errors.ts'

/** Rejects with `validation` naming the file when it does not exist or is not a regular file. */
export async function assertInputFile(file: string): Promise<number> {
  try {
    const info = await stat(file)
    if (!info.isFile()) throw validationError(`${file} is not a file`)
    return info.size
  } catch (error) {
    if (isNodeError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) {
      throw validationError(`File not found: ${file}`, error)
    }
    throw error
  }
}

/**
 * Lets `write` produce the output under a temporary name in the same folder, then renames it to
 * `outFile`. A failed or cancelled write leaves no half-written file behind. Creates the folder.
 */
export async function writeAtomically<T>(
  outFile: string,
  write: (tempFile: string) => Promise<T>,
): Promise<T> {
  const folder = dirname(outFile)
  await mkdir(folder, { recursive: true })
  const temp = join(folder, `.${basename(outFile)}.${randomBytes(4).toString('hex')}.partial`)
  try {
    const result = await write(temp)
    await rename(temp, outFile)
    return result
  } finally {
    await rm(temp, { force: true })
  }
}

/** Runs `use` with a fresh temporary folder that is removed afterwards. */
export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'shotchain-media-'))
  try {
    return await use(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Whether a file exists and holds at least one byte. */
export async function isNonEmptyFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0
  } catch {
    return false
  }
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error
}
