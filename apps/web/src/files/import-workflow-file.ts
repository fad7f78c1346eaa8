import type { NodeRegistry } from '@shotchain/graph'
import { readWorkflowFile, type WorkflowFileResult } from './read-workflow-file.ts'
import {
  isBundleFile,
  readBundle,
  resolveBundleImages,
  type StoreImage,
} from './workflow-bundle.ts'

/**
 * Reads a file to import: a workflow `.json` (`readWorkflowFile`), or a `.zip` bundle whose
 * images are stored first (`store`; undefined without a server) and its params pointed at them.
 * Either the whole document or a refusal naming the file: never one with some images missing.
 */
export async function importWorkflowFile(
  file: File,
  registry: NodeRegistry,
  store: StoreImage | undefined,
): Promise<WorkflowFileResult> {
  if (!isBundleFile(file)) return readWorkflowFile(file.name, await file.text(), registry)
  const bundle = readBundle(file.name, new Uint8Array(await file.arrayBuffer()))
  if (!bundle.ok) return { ok: false, message: bundle.message, issues: [] }
  const read = readWorkflowFile(file.name, bundle.text, registry)
  if (!read.ok) return read
  if (store === undefined && bundle.images.size > 0) {
    return {
      ok: false,
      message: `${file.name} was not imported: its images need the Shotchain server, which stores them (start it with \`pnpm start\`)`,
      issues: [],
    }
  }
  const resolved = await resolveBundleImages(read.doc, registry, bundle.images, store ?? refuse)
  if (!resolved.ok) {
    return { ok: false, message: `${file.name} was not imported: ${resolved.message}`, issues: [] }
  }
  return { ok: true, doc: resolved.doc, warnings: read.warnings }
}

const refuse: StoreImage = async () => ({ ok: false, message: 'no server to store the image' })
