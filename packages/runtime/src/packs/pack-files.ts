import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

// Node built-ins only: the web app's Vite config imports this file by path (a config's bare
// imports are left to Node, which cannot load the workspace packages' TypeScript).

/** The variable that names the node packs an app loads beside the built-in one. */
export const PACKS_ENV = 'SHOTCHAIN_PACKS'

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
