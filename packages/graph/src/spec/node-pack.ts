import type { AnyNodeSpec } from './node-spec.ts'
import type { NodeRegistry } from './registry.ts'

/**
 * A node pack: the node types one package owns. Its main entry exports `pack` (pure: it is
 * bundled into the browser too); a pack whose nodes need side effects of their own also has a
 * `./node` entry exporting `createServices()`, which the server and the CLI merge into
 * `ctx.services`, and a pack may have a `./ui` entry of editor views. See docs/plugins.md.
 * @public
 * @example export const pack: NodePack = { name: 'title-card', nodes: [titleCardNode] }
 */
export interface NodePack {
  /** Shown in errors; the package name is a good choice. */
  readonly name: string
  readonly nodes: readonly AnyNodeSpec[]
}

/**
 * Whether `value` has the shape of a {@link NodePack} (an untrusted module's export).
 * @public
 */
export function isNodePack(value: unknown): value is NodePack {
  const pack = value as Partial<NodePack> | null
  return (
    typeof pack?.name === 'string' &&
    Array.isArray(pack.nodes) &&
    pack.nodes.every((n) => typeof n?.type === 'string' && typeof n.run === 'function')
  )
}

/**
 * Adds every node type of `packs` to `registry`.
 * @throws Error naming both packs when two claim one type (a conflict a person must resolve).
 * @public
 */
export function registerPacks(registry: NodeRegistry, packs: readonly NodePack[]): NodeRegistry {
  const owner = new Map(registry.list().map((spec) => [spec.type, 'the built-in pack']))
  for (const pack of packs) {
    for (const spec of pack.nodes) {
      const taken = owner.get(spec.type)
      if (taken !== undefined) {
        throw new Error(`node type "${spec.type}" of pack ${pack.name} is already ${taken}'s`)
      }
      registry.register(spec)
      owner.set(spec.type, `pack ${pack.name}`)
    }
  }
  return registry
}
