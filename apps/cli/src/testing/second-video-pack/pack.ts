import type { NodePack } from '@shotchain/graph'
import { secondVideoNode } from '@shotchain/nodes/testing'

/** A test pack folder for SHOTCHAIN_PACKS: the test-only second video node type. */
export const pack: NodePack = { name: 'second-video (test)', nodes: [secondVideoNode] }
