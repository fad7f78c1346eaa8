import { resolve } from 'node:path'
import type { Issue, WorkflowDocument } from '@shotchain/graph'
import { isInside } from '@shotchain/runtime'

/**
 * The server reads no file outside its media folder: every `image-source` `path` must lie inside
 * `mediaRoot` (as the upload route returns it); images from elsewhere come in by upload or by an
 * http(s) `url`. Returns one issue per node that breaks this, naming node and field.
 */
export function checkImagePaths(doc: WorkflowDocument, mediaRoot: string): Issue[] {
  const issues: Issue[] = []
  doc.nodes.forEach((node, index) => {
    if (node.type !== 'image-source') return
    const path = (node.params as { path?: unknown }).path
    if (typeof path !== 'string') return
    if (isInside(mediaRoot, resolve(mediaRoot, path))) return
    issues.push({
      code: 'invalid-param',
      path: `nodes[${index}].params.path`,
      message: `"${path}" is outside the server's media folder: upload the image (POST /api/uploads) and use the path it returns, or give an http(s) url`,
      severity: 'error',
      nodeId: node.id,
      field: 'path',
    })
  })
  return issues
}
