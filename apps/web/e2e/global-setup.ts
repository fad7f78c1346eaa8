import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildWebApp, packsNamed } from './build-app.ts'

/**
 * Vitest global setup of the browser project: builds the web app once for the whole run and
 * provides it as `webDist`, so each browser file (its own process) does not build it again.
 * Returns the teardown, which removes the build.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'shotchain-web-dist-'))
  await buildWebApp(dir)
  project.provide('webDist', { dir, packs: packsNamed() })
  return () => rm(dir, { recursive: true, force: true })
}
