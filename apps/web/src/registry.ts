import { createRegistry } from '@shotchain/graph'
import { builtInNodes } from '@shotchain/nodes'

/** The node types this app offers and draws: the built-in pack. */
export const registry = createRegistry(builtInNodes)
