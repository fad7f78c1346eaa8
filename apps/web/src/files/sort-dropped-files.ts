import { isBundleFile } from './workflow-bundle.ts'

/** What a dropped file is taken for, from its name and type (the server sniffs media again). */
export interface DroppedFiles<F> {
  /** Workflow files (`.json`) and bundles (`.zip`). */
  readonly workflows: readonly F[]
  /** Images and sounds the server takes: PNG, JPEG, WebP, GIF; MP3, WAV, M4A. */
  readonly media: readonly F[]
  /** Anything else; the app says it cannot use them. */
  readonly others: readonly F[]
}

// Browsers name the same sound differently (`audio/x-wav`, `audio/x-m4a`): all of them here.
const MEDIA_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'audio/mpeg',
  'audio/mp3',
  'audio/wav',
  'audio/x-wav',
  'audio/wave',
  'audio/vnd.wave',
  'audio/mp4',
  'audio/m4a',
  'audio/x-m4a',
])
const MEDIA_NAME = /\.(png|jpe?g|webp|gif|mp3|wav|m4a)$/i

/** Sorts files dropped on the canvas into workflows, media and the rest, keeping their order. */
export function sortDroppedFiles<F extends { readonly name: string; readonly type: string }>(
  files: readonly F[],
): DroppedFiles<F> {
  const workflows: F[] = []
  const media: F[] = []
  const others: F[] = []
  for (const file of files) {
    if (file.type === 'application/json' || /\.json$/i.test(file.name) || isBundleFile(file))
      workflows.push(file)
    else if (MEDIA_TYPES.has(file.type) || (file.type === '' && MEDIA_NAME.test(file.name)))
      media.push(file)
    else others.push(file)
  }
  return { workflows, media, others }
}
