import { resolve } from 'node:path'
import {
  type Issue,
  type NodeRegistry,
  sourceFileOf,
  type WorkflowDocument,
} from '@shotchain/graph'
import { isInside } from '@shotchain/runtime'

/**
 * The server reads no file outside its media folder: every local file path of a source node (its
 * role's file param, e.g. an image's `path`) must lie inside `mediaRoot` (as the upload route
 * returns it); files from elsewhere come in by upload or by an http(s) `url`. Returns one issue
 * per node that breaks this, naming node and field.
 */
export function checkImagePaths(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  mediaRoot: string,
): Issue[] {
  const issues: Issue[] = []
  doc.nodes.forEach((node, index) => {
    const file = sourceFileOf(registry, node)
    if (file === undefined) return
    const { path } = file
    if (isInside(mediaRoot, resolve(mediaRoot, path))) return
    issues.push({
      code: 'invalid-param',
      path: `nodes[${index}].params.${file.param}`,
      message: `"${path}" is outside the server's media folder: upload the file (POST /api/uploads) and use the path it returns, or give an http(s) url`,
      severity: 'error',
      nodeId: node.id,
      field: file.param,
    })
  })
  return issues
}
