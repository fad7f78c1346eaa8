import { type NodeRegistry, serializeWorkflow, type WorkflowDocument } from '@shotchain/graph'
import { bundleWorkflow, hasStoredImages } from './workflow-bundle.ts'
import { workflowFileName } from './workflow-file-name.ts'

/**
 * Makes the browser download `doc` so it opens elsewhere: its workflow file (`serializeWorkflow`'s
 * JSON), or, when it reads images of the server's media store, a `.zip` bundle of the file and
 * those images (`bundleWorkflow`). Resolves with why it failed (an image the server no longer
 * serves), else undefined.
 */
export async function downloadWorkflow(
  doc: WorkflowDocument,
  registry: NodeRegistry,
): Promise<string | undefined> {
  if (!hasStoredImages(doc, registry)) {
    const json = new Blob([serializeWorkflow(doc)], { type: 'application/json' })
    return saveAs(json, workflowFileName(doc.name))
  }
  let zip: Uint8Array
  try {
    zip = await bundleWorkflow(doc, registry, readMedia)
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  return saveAs(
    new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    workflowFileName(doc.name, 'zip'),
  )
}

async function readMedia(hash: string): Promise<Uint8Array> {
  const response = await fetch(`/media/${hash}`)
  if (!response.ok) {
    throw new Error(`the server did not give image ${hash.slice(0, 12)}… (${response.status})`)
  }
  return new Uint8Array(await response.arrayBuffer())
}

function saveAs(blob: Blob, fileName: string): undefined {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later, not now: some browsers read the URL only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
