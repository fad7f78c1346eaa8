import type { NodePack } from '@shotchain/graph'
import { seamTestSequenceNode } from './seam-test-sequence.ts'

export { SEAM_FIGURES, seamTestSequenceNode } from './seam-test-sequence.ts'

/**
 * A TEST pack, not for use: one sequence node (`seam-test-sequence`) whose role names edits,
 * seams and drift, for the timeline's tests until the built-in sequence reports them.
 */
export const pack: NodePack = { name: 'shotchain-pack-seam-test', nodes: [seamTestSequenceNode] }
