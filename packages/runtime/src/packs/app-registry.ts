import { createRegistry, type NodeRegistry, registerPacks } from '@shotchain/graph'
import { builtInNodes, type NodeServices } from '@shotchain/nodes'
import type { LoadedPack } from './load-packs.ts'

/**
 * The node types an app offers: the built-in pack and the loaded ones. The one place the
 * server and the CLI register packs.
 * @throws Error when two packs claim one type.
 */
export function appRegistry(packs: readonly LoadedPack[]): NodeRegistry {
  return registerPacks(
    createRegistry(builtInNodes),
    packs.map((loaded) => loaded.pack),
  )
}

/** The nodes' `ctx.services`: the built-in services with every loaded pack's merged in. */
export function withPackServices(base: NodeServices, packs: readonly LoadedPack[]): NodeServices {
  return Object.assign({}, ...packs.map((loaded) => loaded.services), base) as NodeServices
}
