import { packViews } from 'virtual:shotchain-packs'
import type { NodeViews } from '@shotchain/editor'
import { builtInViews } from '@shotchain/nodes-ui'

/**
 * How the editor draws the node types of `registry.ts`: the built-in pack's views, and the views
 * of the packs SHOTCHAIN_PACKS named at build time (their `./ui` entry). A type without a view
 * gets the editor's generic body.
 */
export const nodeViews: NodeViews = Object.assign({}, builtInViews, ...packViews) as NodeViews
