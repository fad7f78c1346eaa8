/** A stored media file's name: its SHA-256 and an extension (`<root>/ab/<hash>.png`). */
const STORED_FILE = /(?:^|[\\/])(([0-9a-f]{64})\.[a-z0-9]+)$/

/**
 * The server URL of an `image-source` node's picture: `/media/<hash>` when its `path` is a
 * file of the server's media store (as an upload returns it), else undefined — a path
 * elsewhere or a remote `url` is not fetched just to draw a thumbnail.
 */
export function mediaUrlOf(params: Readonly<Record<string, unknown>>): string | undefined {
  const path = params.path
  if (typeof path !== 'string') return undefined
  const stored = storedFileOf(path)
  return stored === undefined ? undefined : `/media/${stored.hash}`
}

/**
 * The media store's file a path names, `{ hash, fileName }` (`<hash>.png`), or undefined when
 * the path is not a stored file's (a path elsewhere on some machine).
 */
export function storedFileOf(
  path: string,
): { readonly hash: string; readonly fileName: string } | undefined {
  const found = STORED_FILE.exec(path)
  const [, fileName, hash] = found ?? []
  return fileName === undefined || hash === undefined ? undefined : { hash, fileName }
}
