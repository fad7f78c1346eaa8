import {
  type NodeRegistry,
  serializeWorkflow,
  sourceFileOf,
  type WorkflowDocument,
} from '@shotchain/graph'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { storedFileOf } from '../media/media-url.ts'

/** The workflow file inside a bundle; its image params name files beside it (`images/…`). */
export const BUNDLE_WORKFLOW = 'workflow.json'

const IN_BUNDLE = /^images\/[^/\\]+$/

/** Whether a file is a workflow bundle (a `.zip`) rather than a plain workflow `.json`. */
export function isBundleFile(file: { readonly name: string; readonly type: string }): boolean {
  return /\.zip$/i.test(file.name) || /^application\/(x-)?zip(-compressed)?$/.test(file.type)
}

/** Whether `doc` has images in the server's media store: its export then needs their bytes. */
export function hasStoredImages(doc: WorkflowDocument, registry: NodeRegistry): boolean {
  return doc.nodes.some((node) => {
    const file = sourceFileOf(registry, node)
    return file !== undefined && storedFileOf(file.path) !== undefined
  })
}

/**
 * A portable copy of `doc`: a zip of `workflow.json` and, under `images/`, each stored image a
 * source node reads, its param pointing there instead of at the server's folder. `readMedia`
 * gives a stored file's bytes by hash; what it throws is thrown (nothing half-made is returned).
 * @example
 * const zip = await bundleWorkflow(doc, registry, (hash) => fetchBytes(`/media/${hash}`))
 */
export async function bundleWorkflow(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  readMedia: (hash: string) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  const nodes = []
  for (const node of doc.nodes) {
    const file = sourceFileOf(registry, node)
    const stored = file && storedFileOf(file.path)
    if (file === undefined || stored === undefined) {
      nodes.push(node)
      continue
    }
    const inBundle = `images/${stored.fileName}`
    files[inBundle] ??= await readMedia(stored.hash)
    nodes.push({ ...node, params: { ...node.params, [file.param]: inBundle } })
  }
  files[BUNDLE_WORKFLOW] = strToU8(serializeWorkflow({ ...doc, nodes }))
  // Images are compressed already: stored as they are.
  return zipSync(files, { level: 0 })
}

/** A bundle opened: its workflow file's text and its images by path, or why it cannot be. */
export type BundleRead =
  | {
      readonly ok: true
      readonly text: string
      readonly images: ReadonlyMap<string, Uint8Array>
    }
  | { readonly ok: false; readonly message: string }

/** Opens a bundle made by {@link bundleWorkflow}; never throws. */
export function readBundle(fileName: string, bytes: Uint8Array): BundleRead {
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes)
  } catch {
    return { ok: false, message: `${fileName} was not imported: it is not a readable zip file` }
  }
  const workflow = entries[BUNDLE_WORKFLOW]
  if (workflow === undefined) {
    return {
      ok: false,
      message: `${fileName} was not imported: it has no ${BUNDLE_WORKFLOW} (export a workflow from Shotchain to get one)`,
    }
  }
  const images = new Map(Object.entries(entries).filter(([path]) => IN_BUNDLE.test(path)))
  return { ok: true, text: strFromU8(workflow), images }
}

/** Stores one image of a bundle; resolves with its new path, or why it was not stored. */
export type StoreImage = (
  name: string,
  bytes: Uint8Array,
) => Promise<
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: string }
>

/**
 * `doc` with each source node's bundle path (`images/…`) replaced by where `store` put that
 * image. Refused, with the first problem, when a path names an image the bundle lacks or an
 * image is not stored: never a document with half its images.
 */
export async function resolveBundleImages(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  images: ReadonlyMap<string, Uint8Array>,
  store: StoreImage,
): Promise<
  | { readonly ok: true; readonly doc: WorkflowDocument }
  | { readonly ok: false; readonly message: string }
> {
  const stored = new Map<string, string>()
  const nodes = []
  for (const node of doc.nodes) {
    const file = sourceFileOf(registry, node)
    if (file === undefined || !IN_BUNDLE.test(file.path)) {
      nodes.push(node)
      continue
    }
    const bytes = images.get(file.path)
    if (bytes === undefined) {
      return { ok: false, message: `${node.id}: the bundle has no ${file.path}` }
    }
    let path = stored.get(file.path)
    if (path === undefined) {
      const put = await store(file.path.slice('images/'.length), bytes)
      if (!put.ok) return { ok: false, message: `${node.id}: ${put.message}` }
      path = put.path
      stored.set(file.path, path)
    }
    nodes.push({ ...node, params: { ...node.params, [file.param]: path } })
  }
  return { ok: true, doc: { ...doc, nodes } }
}
