/** A stored media file's name: its SHA-256 and an extension (`<root>/ab/<hash>.png`). */
const STORED_FILE = /(?:^|[\\/])([0-9a-f]{64})\.[a-z0-9]+$/

/**
 * The server URL of an `image-source` node's picture: `/media/<hash>` when its `path` is a
 * file of the server's media store (as an upload returns it), else undefined — a path
 * elsewhere or a remote `url` is not fetched just to draw a thumbnail.
 */
export function mediaUrlOf(params: Readonly<Record<string, unknown>>): string | undefined {
  const path = params.path
  if (typeof path !== 'string') return undefined
  const hash = STORED_FILE.exec(path)?.[1]
  return hash === undefined ? undefined : `/media/${hash}`
}
