const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
  'video/webm': '.webm',
  'audio/mpeg': '.mp3',
  'audio/wav': '.wav',
  'audio/mp4': '.m4a',
}

/** The file extension media of `contentType` is stored with (`.bin` for types it does not know). */
export function extensionFor(contentType: string): string {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return EXTENSIONS[bare] ?? '.bin'
}

const SAFE_EXTENSION = /^(\.[a-z0-9]{1,10})?$/i

/** Whether `ext` is empty or a dot and up to ten letters or digits (nothing that makes a path). */
export function isSafeExtension(ext: string): boolean {
  return SAFE_EXTENSION.test(ext)
}
