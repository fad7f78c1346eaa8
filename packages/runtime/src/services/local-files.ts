import { isAbsolute, relative, resolve, sep } from 'node:path'
import { ERROR_CODES, ShotchainError } from '@shotchain/errors'

/** Where local source files (images, sounds) are read from. */
export interface LocalFiles {
  /** Relative paths are read from here (the workflow file's folder). */
  readonly baseDir: string
  /**
   * When set, only files inside this folder can be read (the server: the store's media folder);
   * any other path fails with a `validation` error naming `path`, and nothing is read.
   */
  readonly confineTo?: string
}

/**
 * Runs `read` on the full path of a local file as a workflow names it: relative to
 * `files.baseDir`, and only inside `files.confineTo` when that is set. Fails with a `validation`
 * error naming `path` when the file is outside, missing or unreadable (nothing is read then).
 */
export async function readingLocal<T>(
  files: LocalFiles,
  path: string,
  read: (full: string) => Promise<T>,
): Promise<T> {
  const full = isAbsolute(path) ? resolve(path) : resolve(files.baseDir, path)
  if (files.confineTo !== undefined && !isInside(files.confineTo, full)) {
    throw new ShotchainError(
      ERROR_CODES.validation,
      `the file ${path} is outside ${files.confineTo}: upload the file and use the path it gets`,
      { field: 'path' },
    )
  }
  try {
    return await read(full)
  } catch (error) {
    const reason =
      (error as { code?: string }).code === 'ENOENT' ? 'does not exist' : 'cannot be read'
    throw new ShotchainError(ERROR_CODES.validation, `the file ${full} ${reason}`, {
      field: 'path',
      cause: error,
    })
  }
}

/** Whether `path` (absolute, resolved) lies inside the folder `root`. */
export function isInside(root: string, path: string): boolean {
  const inside = relative(resolve(root), resolve(path))
  return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside)
}
