import { catalogModels } from '@shotchain/fal-catalog'
import type { AnyNodeSpec } from '@shotchain/graph'
import { KLING_O1_ENDPOINTS } from '@shotchain/kling'
import { falModelNode } from './fal-model-node.ts'

/**
 * Kling O1's endpoints are the hand-written `kling-o1-i2v` node (its `tier` picks one), which
 * older workflow files use: they keep loading and keep their cache keys.
 */
const HAND_WRITTEN: ReadonlySet<string> = new Set(Object.values(KLING_O1_ENDPOINTS))

/** A node per bundled catalog model, but those a hand-written node already serves. */
export const catalogNodes: readonly AnyNodeSpec[] = catalogModels()
  .filter((model) => !HAND_WRITTEN.has(model.endpointId))
  .map(falModelNode)
