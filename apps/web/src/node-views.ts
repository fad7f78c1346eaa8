import type { NodeViews } from '@shotchain/editor'
import { builtInViews } from '@shotchain/nodes-ui'

/**
 * How the editor draws the node types of `registry.ts`: the built-in pack's views. A pack with
 * UI adds its views here, beside its specs there; a pack without gets the editor's generic body.
 */
export const nodeViews: NodeViews = builtInViews
