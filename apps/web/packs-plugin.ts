// By path, not by package: Vite leaves a config's package imports to Node, which cannot load
// the workspace's TypeScript; this file uses Node built-ins only.

import type { Plugin } from 'vite'
import { packEntry, packFolders } from '../../packages/runtime/src/packs/pack-files.ts'

const ID = 'virtual:shotchain-packs'
const RESOLVED = `\0${ID}`

/**
 * Bundles the node packs `SHOTCHAIN_PACKS` names (as the server and the CLI load them, from
 * `from`) into the app: `virtual:shotchain-packs` exports `packs` (each pack's pure `pack`) and
 * `packViews` (each one's `./ui` `views`, when it has that entry). With no packs named, both are
 * empty and the app is the built-in pack alone.
 */
export function shotchainPacks(env: NodeJS.ProcessEnv, from: string): Plugin {
  return {
    name: 'shotchain-packs',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined
      const lines: string[] = []
      const packs: string[] = []
      const views: string[] = []
      for (const [k, folder] of packFolders(env, from).entries()) {
        const main = await packEntry(folder, '.')
        if (main === undefined) throw new Error(`SHOTCHAIN_PACKS: ${folder} is not a node pack`)
        lines.push(`import { pack as pack${k} } from ${JSON.stringify(main)}`)
        packs.push(`pack${k}`)
        const ui = await packEntry(folder, './ui')
        if (ui !== undefined) {
          lines.push(`import { views as views${k} } from ${JSON.stringify(ui)}`)
          views.push(`views${k}`)
        }
      }
      lines.push(`export const packs = [${packs.join(', ')}]`)
      lines.push(`export const packViews = [${views.join(', ')}]`)
      return lines.join('\n')
    },
  }
}
