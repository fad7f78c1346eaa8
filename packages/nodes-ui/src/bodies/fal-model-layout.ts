import type { AnyNodeSpec } from '@shotchain/graph'
import { falModelOf, paramFieldsOf } from '@shotchain/nodes'

/**
 * Heights in CSS px of the parts of a model node's body, as `nodes-ui.css` draws them (the
 * `.sc-model` rules): change both together. The body's own bottom padding is the editor's.
 */
export const MODEL_BODY = {
  top: 4,
  row: 26,
  textRow: 58,
  cost: 24,
  video: 130,
  nextShot: 30,
  image: 112,
  bottomPadding: 8,
} as const

/** What a model node's body shows under its fields: a clip and "add next shot", or an image. */
export function previewOf(spec: AnyNodeSpec): 'shot' | 'video' | 'image' | 'none' {
  if (spec.outputs.video !== undefined) return spec.role?.kind === 'shot' ? 'shot' : 'video'
  return spec.outputs.image !== undefined ? 'image' : 'none'
}

/**
 * The exact body height of a generated fal model node: its field rows (a prompt's is taller),
 * the price line and the preview, fixed per type so sockets and edges never read the DOM.
 */
export function falModelBodyHeight(spec: AnyNodeSpec): number {
  const model = falModelOf(spec)
  const fields = model ? paramFieldsOf(model) : []
  const rows = fields.reduce(
    (sum, f) => sum + (f.kind === 'text' ? MODEL_BODY.textRow : MODEL_BODY.row),
    0,
  )
  const preview = {
    shot: MODEL_BODY.video + MODEL_BODY.nextShot,
    video: MODEL_BODY.video,
    image: MODEL_BODY.image,
    none: 0,
  }[previewOf(spec)]
  return MODEL_BODY.top + rows + MODEL_BODY.cost + preview + MODEL_BODY.bottomPadding
}
