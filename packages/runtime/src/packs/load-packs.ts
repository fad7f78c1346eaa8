import { pathToFileURL } from 'node:url'
import { isNodePack, type NodePack } from '@shotchain/graph'
import { PACKS_ENV, packEntry, packFolders } from './pack-files.ts'

/** A pack as the server and the CLI load it: its node types, and its services when it has some. */
export interface LoadedPack {
  readonly pack: NodePack
  /** The pack folder (with its package.json). */
  readonly folder: string
  /** What its `./node` entry's `createServices()` made, merged into the nodes' `ctx.services`. */
  readonly services: Readonly<Record<string, unknown>>
}

/**
 * Loads the packs `SHOTCHAIN_PACKS` names (comma- or space-separated paths of pack folders, or
 * package names resolved from `from`): each one's `pack` export, and the services of its
 * `./node` entry (`createServices()`) when it has one.
 * @throws Error naming the pack and what is wrong (not found, no `pack` export, a bad shape).
 */
export async function loadPacks(env: NodeJS.ProcessEnv, from: string): Promise<LoadedPack[]> {
  const loaded: LoadedPack[] = []
  for (const folder of packFolders(env, from)) {
    const main = await packEntry(folder, '.').catch(() => undefined)
    if (main === undefined) throw new Error(`${PACKS_ENV}: ${folder} is not a node pack package`)
    const module = (await import(pathToFileURL(main).href)) as { pack?: unknown }
    if (!isNodePack(module.pack)) {
      throw new Error(`${PACKS_ENV}: ${main} exports no \`pack\` with a name and its nodes`)
    }
    const nodeEntry = await packEntry(folder, './node')
    const services =
      nodeEntry === undefined
        ? {}
        : await (
            (await import(pathToFileURL(nodeEntry).href)) as {
              createServices?: () => Promise<Record<string, unknown>> | Record<string, unknown>
            }
          ).createServices?.()
    loaded.push({ pack: module.pack, folder, services: services ?? {} })
  }
  return loaded
}
