import { catalogModels } from '@shotchain/fal-catalog'
import type { AnyNodeSpec } from '@shotchain/graph'
import { KLING_O1_ENDPOINTS } from '@shotchain/kling'
import { klingO1I2vNode } from '../nodes/kling-o1-i2v.ts'
import { falModelNode, falModelType } from './fal-model-node.ts'

/**
 * Kling O1's endpoints are the hand-written `kling-o1-i2v` node (its `tier` picks one), which
 * older workflow files use: they keep loading and keep their cache keys.
 */
const HAND_WRITTEN: ReadonlySet<string> = new Set(Object.values(KLING_O1_ENDPOINTS))

/** A node per bundled catalog model, but those a hand-written node already serves. */
export const catalogNodes: readonly AnyNodeSpec[] = catalogModels()
  .filter((model) => !HAND_WRITTEN.has(model.endpointId))
  .map(falModelNode)

/**
 * The node a palette entry for `endpointId` adds: Kling O1's two tiers are the hand-written
 * `kling-o1-i2v` with its `tier`, every other model its `fal:<endpoint id>` node.
 */
export function nodeOfEndpoint(endpointId: string): {
  readonly type: string
  readonly params: Readonly<Record<string, unknown>>
} {
  const tier = Object.entries(KLING_O1_ENDPOINTS).find(([, id]) => id === endpointId)?.[0]
  return tier === undefined
    ? { type: falModelType(endpointId), params: {} }
    : { type: klingO1I2vNode.type, params: { tier } }
}
