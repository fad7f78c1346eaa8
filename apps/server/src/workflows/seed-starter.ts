import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { type NodeRegistry, parseWorkflow, sourceFileOf } from '@shotchain/graph'
import { sniffMediaType } from '@shotchain/media'
import type { Store } from '@shotchain/store'

/** The id the starter workflow gets. */
export const STARTER_ID = 'three-shot-chain'

const MARKER = 'starter-seeded'

/**
 * On a home's first start, saves `examplePath` (the three-shot example) as a workflow, with each
 * source node's local file put into the media store and its path rewritten to the stored file.
 * Does nothing on later starts, even when the person deleted the starter. Returns whether it
 * seeded.
 */
export async function seedStarter(
  store: Store,
  registry: NodeRegistry,
  examplePath: string,
  at: number,
): Promise<boolean> {
  const marker = join(store.home, MARKER)
  if (existsSync(marker) || !existsSync(examplePath)) return false
  const parsed = parseWorkflow(await readFile(examplePath, 'utf8'))
  if (!parsed.ok) throw new Error(`the starter workflow ${examplePath} does not parse`)
  const doc = structuredClone(parsed.doc)
  for (const node of doc.nodes) {
    const file = sourceFileOf(registry, node)
    if (file === undefined) continue
    const bytes = await readFile(resolve(dirname(examplePath), file.path))
    const contentType = sniffMediaType(bytes)
    if (contentType === undefined) throw new Error(`${file.path} is not a media file`)
    const stored = await store.media.putBytes(bytes, contentType)
    const params = node.params as Record<string, unknown>
    params[file.param] = stored.path
  }
  if (store.workflows.get(STARTER_ID) === undefined) {
    try {
      store.workflows.create(STARTER_ID, doc, at)
    } catch (error) {
      // Another process of a team server, starting at the same moment, seeded it first.
      if (store.workflows.get(STARTER_ID) === undefined) throw error
    }
  }
  await writeFile(marker, `${new Date(at).toISOString()}\n`)
  return true
}
