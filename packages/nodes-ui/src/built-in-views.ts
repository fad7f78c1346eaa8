import type { NodeView, NodeViews } from '@shotchain/editor'
import {
  audioSourceNode,
  catalogNodes,
  extractFrameNode,
  imageSourceNode,
  klingO1I2vNode,
  outputNode,
  promptNode,
  sequenceNode,
} from '@shotchain/nodes'
import { AudioSourceBody } from './bodies/AudioSourceBody.tsx'
import { ExtractFrameBody } from './bodies/ExtractFrameBody.tsx'
import { FalModelBody } from './bodies/FalModelBody.tsx'
import { falModelBodyHeight } from './bodies/fal-model-layout.ts'
import { ImageSourceBody } from './bodies/ImageSourceBody.tsx'
import { KlingBody } from './bodies/KlingBody.tsx'
import { OutputBody } from './bodies/OutputBody.tsx'
import { PromptBody } from './bodies/PromptBody.tsx'
import './nodes-ui.css'

/**
 * How a generated fal model node is drawn: its fields, price and result; height per spec. Also
 * for models fetched by id at run time (register it under their type).
 * @public
 */
export const falModelView: NodeView = {
  Body: FalModelBody,
  bodyHeight: (_node, spec) => falModelBodyHeight(spec),
}

/**
 * The views of the nodes generated from the bundled fal catalog (`catalogNodes`), by type: one
 * body for all, each as tall as its model's fields need.
 * @public
 */
export const falModelViews: NodeViews = Object.fromEntries(
  catalogNodes.map((spec) => [spec.type, falModelView]),
)

/**
 * The editor's views of the built-in pack's node types, for `<WorkflowEditor views>`. Each body
 * height is what `nodes-ui.css` draws (brought in with this module): change both together.
 * @example
 * <WorkflowEditor history={history} registry={createRegistry(builtInNodes)} views={builtInViews} />
 * @public
 */
export const builtInViews: NodeViews = {
  [imageSourceNode.type]: { Body: ImageSourceBody, bodyHeight: 210 },
  [audioSourceNode.type]: { Body: AudioSourceBody, bodyHeight: 124 },
  [promptNode.type]: { Body: PromptBody, bodyHeight: 124 },
  [klingO1I2vNode.type]: { Body: KlingBody, bodyHeight: 214 },
  [extractFrameNode.type]: { Body: ExtractFrameBody, bodyHeight: 44 },
  // The clips list is its ports: a sliver of body under them.
  [sequenceNode.type]: { bodyHeight: 8 },
  [outputNode.type]: { Body: OutputBody, bodyHeight: 44 },
  ...falModelViews,
}
