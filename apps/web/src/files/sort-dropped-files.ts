import { isBundleFile } from './workflow-bundle.ts'

/** What a dropped file is taken for, from its name and type (the server sniffs images again). */
export interface DroppedFiles<F> {
  /** Workflow files (`.json`) and bundles (`.zip`). */
  readonly workflows: readonly F[]
  /** Images the server takes: PNG, JPEG, WebP, GIF. */
  readonly images: readonly F[]
  /** Anything else; the app says it cannot use them. */
  readonly others: readonly F[]
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif'])
const IMAGE_NAME = /\.(png|jpe?g|webp|gif)$/i

/** Sorts files dropped on the canvas into workflows, images and the rest, keeping their order. */
export function sortDroppedFiles<F extends { readonly name: string; readonly type: string }>(
  files: readonly F[],
): DroppedFiles<F> {
  const workflows: F[] = []
  const images: F[] = []
  const others: F[] = []
  for (const file of files) {
    if (file.type === 'application/json' || /\.json$/i.test(file.name) || isBundleFile(file))
      workflows.push(file)
    else if (IMAGE_TYPES.has(file.type) || (file.type === '' && IMAGE_NAME.test(file.name)))
      images.push(file)
    else others.push(file)
  }
  return { workflows, images, others }
}
