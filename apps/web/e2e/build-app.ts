import { join, resolve } from 'node:path'
import { build } from 'vite'

const APP = resolve(import.meta.dirname, '..')

/** The app built once for a whole test run (global-setup.ts), handed to each test file. */
export interface SharedBuild {
  /** The folder the app was built into. */
  readonly dir: string
  /** `SHOTCHAIN_PACKS` as it was for that build ('' when unset): the packs bundled into it. */
  readonly packs: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by global-setup.ts; absent when the browser project's global setup did not run. */
    webDist?: SharedBuild
  }
}

/** `SHOTCHAIN_PACKS` as a build reads it now ('' when unset). */
export function packsNamed(): string {
  return process.env.SHOTCHAIN_PACKS ?? ''
}

/** Builds apps/web into `outDir` (emptied first), with the packs `SHOTCHAIN_PACKS` names now. */
export async function buildWebApp(outDir: string): Promise<void> {
  await build({
    root: APP,
    configFile: join(APP, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
}
