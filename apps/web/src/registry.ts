import { packs } from 'virtual:shotchain-packs'
import { createRegistry, registerPacks } from '@shotchain/graph'
import { builtInNodes } from '@shotchain/nodes'

/**
 * The node types this app offers and draws: the built-in pack and the packs SHOTCHAIN_PACKS
 * named when the app was built (the same ones the server loads).
 */
export const registry = registerPacks(createRegistry(builtInNodes), packs)
