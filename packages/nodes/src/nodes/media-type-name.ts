const NAMES: Readonly<Record<string, string>> = {
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/webp': 'a WebP image',
  'image/gif': 'a GIF image',
  'video/mp4': 'an MP4 video',
  'audio/mpeg': 'an MP3 sound',
  'audio/wav': 'a WAV sound',
  'audio/mp4': 'an M4A sound',
}

/** A media type as a person says it: `image/png` → `a PNG image`; unknown types as they are. */
export function mediaTypeName(contentType: string): string {
  return NAMES[contentType] ?? contentType
}
