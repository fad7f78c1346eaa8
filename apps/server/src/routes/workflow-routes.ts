import { randomUUID } from 'node:crypto'
import { apiRoutes } from '@shotchain/api'
import { type Issue, parseWorkflow, type WorkflowDocument } from '@shotchain/graph'
import { type Context, Hono } from 'hono'
import type { AppContext } from '../http/app-context.ts'
import type { PathHider } from '../http/hide-paths.ts'
import { readJson } from '../http/read-json.ts'
import { checkImagePaths } from '../workflows/check-image-paths.ts'
import { checkWorkflowSize } from '../workflows/check-size.ts'

/**
 * `/api/workflows`: list, get, create (import), update with a revision, delete. Bodies are read
 * with the API contract's schemas (`@shotchain/api`).
 */
export function workflowRoutes(app: AppContext): Hono {
  const routes = new Hono()
  const { store } = app

  routes.get('/', (c) => c.json({ workflows: store.workflows.list() }))

  routes.get('/:id', (c) => {
    const workflow = store.workflows.get(c.req.param('id'))
    return workflow ? c.json(workflow) : notFound(c, c.req.param('id'))
  })

  routes.post('/', async (c) => {
    const body = await readJson(c, apiRoutes.createWorkflow.request)
    if (!body.ok) return body.response
    const checked = checkDocument(body.value, app)
    if (!checked.ok) return refuse(c, checked.issues, app.hide)
    const id = randomUUID()
    store.workflows.create(id, checked.doc, app.now())
    return c.json(store.workflows.get(id), 201)
  })

  routes.put('/:id', async (c) => {
    const id = c.req.param('id')
    const body = await readJson(c, apiRoutes.updateWorkflow.request)
    if (!body.ok) return body.response
    const checked = checkDocument(body.value.doc, app)
    if (!checked.ok) return refuse(c, checked.issues, app.hide)
    const result = store.workflows.update(id, checked.doc, body.value.revision, app.now())
    if (result.ok) return c.json(result.workflow)
    if (result.reason === 'not-found') return notFound(c, id)
    return c.json(
      {
        error: `stale revision: you edited revision ${body.value.revision}, the saved workflow is at revision ${result.revision}; reload it and apply your change again`,
        revision: result.revision,
      },
      409,
    )
  })

  routes.delete('/:id', (c) => {
    const id = c.req.param('id')
    if (store.workflows.get(id) === undefined) return notFound(c, id)
    store.workflows.delete(id)
    return c.body(null, 204)
  })

  return routes
}

type Checked =
  | { readonly ok: true; readonly doc: WorkflowDocument }
  | { readonly ok: false; readonly issues: readonly Issue[] }

/**
 * Checks an untrusted document as the server takes one: its size against the node cap (first,
 * because it is cheap and the parser is not), the parser, then the rule on local image paths.
 */
export function checkDocument(
  input: unknown,
  app: Pick<AppContext, 'store' | 'maxNodes' | 'registry'>,
): Checked {
  const tooLarge = checkWorkflowSize(input, app.maxNodes)
  if (tooLarge.length > 0) return { ok: false, issues: tooLarge }
  const parsed = parseWorkflow(input)
  if (!parsed.ok) return { ok: false, issues: parsed.issues }
  const issues = checkImagePaths(parsed.doc, app.registry, app.store.media.root)
  return issues.length > 0 ? { ok: false, issues } : { ok: true, doc: parsed.doc }
}

/**
 * A 422 with the document's issues, the first one in the message; absolute paths of this machine
 * in them are written relative to a named root.
 */
export function refuse(c: Context, found: readonly Issue[], hide: PathHider) {
  const issues = hide.json(found)
  const errors = issues.filter((i) => i.severity === 'error')
  const first = errors[0] ?? issues[0]
  const where = first?.nodeId ? `node ${first.nodeId}, ${first.path}` : first?.path
  return c.json(
    {
      error: `the workflow cannot be used: ${first ? `${where}: ${first.message}` : 'see issues'}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
      issues,
    },
    422,
  )
}

/** A 404 naming the workflow. */
export function notFound(c: Context, id: string) {
  return c.json({ error: `no workflow with id "${id}"` }, 404)
}
