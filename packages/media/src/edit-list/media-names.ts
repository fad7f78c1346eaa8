/**
 * The media file's own name, the last part of its path or URL (`shot2.mp4`): what an editor
 * shows for it and matches when it relinks media.
 * @internal
 */
export function mediaFileName(media: string): string {
  const path = media.replace(/[?#].*$/, '')
  return (
    path
      .split(/[/\\]/)
      .filter((part) => part !== '')
      .at(-1) ?? media
  )
}

/**
 * The media as an OTIO `target_url`: a URL stays as it is, an absolute path becomes a `file://`
 * URL (each part percent-encoded, so spaces and `#` survive), a relative path stays relative to
 * the `.otio` file, as OTIO's own file bundles write them.
 * @internal
 */
export function mediaUrl(media: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(media)) return media
  const windowsDrive = /^[a-z]:[\\/]/i.test(media)
  if (!media.startsWith('/') && !windowsDrive) return media
  const parts = media
    .split(/[/\\]/)
    .map((part, k) => (k === 0 && windowsDrive ? part : encodeURIComponent(part)))
  return `file://${windowsDrive ? '/' : ''}${parts.join('/')}`
}
