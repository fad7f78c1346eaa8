import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isNodePack, type NodePack } from '@shotchain/graph'

/** The variable that names the node packs an app loads beside the built-in one. */
export const PACKS_ENV = 'SHOTCHAIN_PACKS'

/** A pack as the server and the CLI load it: its node types, and its services when it has some. */
export interface LoadedPack {
  readonly pack: NodePack
  /** The pack folder (with its package.json). */
  readonly folder: string
  /** What its `./node` entry's `createServices()` made, merged into the nodes' `ctx.services`. */
  readonly services: Readonly<Record<string, unknown>>
}

/** The pack folders `SHOTCHAIN_PACKS` names: paths (from `from`) or package names. */
export function packFolders(env: NodeJS.ProcessEnv, from: string): string[] {
  const named = (env[PACKS_ENV] ?? '')
    .split(/[,\s]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  return named.map((entry) => {
    if (entry.startsWith('.') || entry.startsWith('/')) return resolve(from, entry)
    try {
      return dirname(createRequire(join(from, 'package.json')).resolve(`${entry}/package.json`))
    } catch {
      throw new Error(`${PACKS_ENV}: cannot find the pack "${entry}" from ${from}`)
    }
  })
}

/** The file a package's `exports` gives for `subpath` (`.`, `./node`, `./ui`), or undefined. */
export async function packEntry(folder: string, subpath: string): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as {
    exports?: Record<string, unknown> | string
    main?: string
  }
  const { exports } = manifest
  const target =
    typeof exports === 'string'
      ? subpath === '.'
        ? exports
        : undefined
      : (exports?.[subpath] ?? (subpath === '.' ? manifest.main : undefined))
  if (typeof target !== 'string') return undefined
  const file = resolve(folder, target)
  return existsSync(file) ? file : undefined
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
