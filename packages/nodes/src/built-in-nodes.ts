import type { AnyNodeSpec, NodeRegistry } from '@shotchain/graph'
import { catalogNodes } from './fal-model/catalog-nodes.ts'
import { audioSourceNode } from './nodes/audio-source.ts'
import { extractFrameNode } from './nodes/extract-frame.ts'
import { imageSourceNode } from './nodes/image-source.ts'
import { klingO1I2vNode } from './nodes/kling-o1-i2v.ts'
import { outputNode } from './nodes/output.ts'
import { promptNode } from './nodes/prompt.ts'
import { sequenceNode } from './nodes/sequence.ts'

/**
 * The built-in node pack: `image-source`, `audio-source`, `prompt`, `kling-o1-i2v`, `extract-frame`,
 * `sequence`, `output`, and a `fal:<endpoint id>` node per model of fal's bundled catalog. Every one expects `ctx.services` to be a `NodeServices`.
 */
export const builtInNodes: readonly AnyNodeSpec[] = [
  imageSourceNode,
  audioSourceNode,
  promptNode,
  klingO1I2vNode,
  extractFrameNode,
  sequenceNode,
  outputNode,
  ...catalogNodes,
]

/**
 * Adds the built-in node types to a registry. Throws when one of their types is already
 * registered (two packs claiming a type is a bug).
 *
 * @example
 * const registry = createRegistry()
 * registerBuiltInNodes(registry)
 * const result = planRun(doc, registry, { cache, journal, fingerprints })
 */
export function registerBuiltInNodes(registry: NodeRegistry): void {
  for (const spec of builtInNodes) registry.register(spec)
}
