import type { NodeViews } from '@shotchain/editor'
import {
  extractFrameNode,
  imageSourceNode,
  klingO1I2vNode,
  outputNode,
  promptNode,
  sequenceNode,
} from '@shotchain/nodes'
import { ExtractFrameBody } from './bodies/ExtractFrameBody.tsx'
import { ImageSourceBody } from './bodies/ImageSourceBody.tsx'
import { KlingBody } from './bodies/KlingBody.tsx'
import { OutputBody } from './bodies/OutputBody.tsx'
import { PromptBody } from './bodies/PromptBody.tsx'
import './nodes-ui.css'

/**
 * The editor's views of the built-in pack's node types, for `<WorkflowEditor views>`. Each body
 * height is what `nodes-ui.css` draws (brought in with this module): change both together.
 * @example
 * <WorkflowEditor history={history} registry={createRegistry(builtInNodes)} views={builtInViews} />
 * @public
 */
export const builtInViews: NodeViews = {
  [imageSourceNode.type]: { Body: ImageSourceBody, bodyHeight: 176 },
  [promptNode.type]: { Body: PromptBody, bodyHeight: 124 },
  [klingO1I2vNode.type]: { Body: KlingBody, bodyHeight: 214 },
  [extractFrameNode.type]: { Body: ExtractFrameBody, bodyHeight: 44 },
  // The clips list is its ports: a sliver of body under them.
  [sequenceNode.type]: { bodyHeight: 8 },
  [outputNode.type]: { Body: OutputBody, bodyHeight: 44 },
}
