import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { openStore, type Store } from '../store.ts'

/**
 * A fresh state folder, removed when the current test finishes. Call it inside a test. For tests only.
 * @example const home = makeTempHome()
 */
export function makeTempHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'shotchain-store-'))
  onTestFinished(() => rmSync(home, { recursive: true, force: true }))
  return home
}

/** Opens a store on `home` (a fresh one by default) that is closed when the current test finishes. */
export function openTestStore(home: string = makeTempHome()): Store {
  const store = openStore(home)
  onTestFinished(() => store.close())
  return store
}
