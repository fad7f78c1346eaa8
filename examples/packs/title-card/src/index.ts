import type { NodePack } from '@shotchain/graph'
import { titleCardNode } from './title-card-node.ts'

export { type TitleCardParams, type TitleCardServices, titleCardNode } from './title-card-node.ts'

/** The title-card pack: one node type, `title-card`. Pure: the browser bundles it too. */
export const pack: NodePack = { name: 'shotchain-pack-title-card', nodes: [titleCardNode] }
