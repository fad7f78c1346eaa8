import { apiRoutes } from '@shotchain/api'
import type { RunPlan } from '@shotchain/engine'
import { describeRun, summarizeRun } from '@shotchain/runs'
import { Hono } from 'hono'
import type { AppContext } from '../http/app-context.ts'
import { readJson } from '../http/read-json.ts'
import { checkDocument, notFound, refuse } from './workflow-routes.ts'

/**
 * Estimates and runs: start, get, list per workflow, cancel, resubmit after a decision. Bodies
 * are read with the API contract's schemas (`@shotchain/api`).
 */
export function runRoutes(app: AppContext): Hono {
  const routes = new Hono()
  const { store, runs } = app

  routes.post('/workflows/:id/estimate', async (c) => {
    const workflow = store.workflows.get(c.req.param('id'))
    if (workflow === undefined) return notFound(c, c.req.param('id'))
    const body = await readJson(c, apiRoutes.estimate.request)
    if (!body.ok) return body.response
    const { doc, targets } = body.value
    // An unsaved edit is checked as a save would check it, then estimated; it is never stored.
    const unsaved = doc === undefined ? undefined : checkDocument(doc, app)
    if (unsaved !== undefined && !unsaved.ok) return refuse(c, unsaved.issues, app.hide)
    const planned = await runs.estimate(unsaved?.doc ?? workflow.doc, targets)
    if (!planned.ok) return refuse(c, planned.issues, app.hide)
    return c.json(describePlan(planned.plan))
  })

  // A new workflow, never saved: what running it as it stands would cost.
  routes.post('/estimate', async (c) => {
    const body = await readJson(c, apiRoutes.estimateDraft.request)
    if (!body.ok) return body.response
    const draft = checkDocument(body.value.doc, app)
    if (!draft.ok) return refuse(c, draft.issues, app.hide)
    const planned = await runs.estimate(draft.doc, body.value.targets)
    if (!planned.ok) return refuse(c, planned.issues, app.hide)
    return c.json(describePlan(planned.plan))
  })

  routes.post('/workflows/:id/runs', async (c) => {
    const workflowId = c.req.param('id')
    const workflow = store.workflows.get(workflowId)
    if (workflow === undefined) return notFound(c, workflowId)
    const body = await readJson(c, apiRoutes.startRun.request)
    if (!body.ok) return body.response
    const started = await runs.start({ workflowId, doc: workflow.doc, ...body.value })
    if (started.ok) {
      return c.json(
        { runId: started.runId, revision: workflow.revision, ...describePlan(started.plan) },
        201,
      )
    }
    if (started.reason === 'invalid') return refuse(c, started.issues, app.hide)
    return c.json(
      {
        error: refusalText(started),
        estimateUsd: started.estimateUsd,
        budgetUsd: started.budgetUsd,
      },
      409,
    )
  })

  routes.get('/workflows/:id/runs', (c) => {
    const id = c.req.param('id')
    return c.json({ runs: store.runs.list(id).map((run) => summarizeRun(run)) })
  })

  routes.get('/runs/:id', (c) => {
    const id = c.req.param('id')
    const run = describeRun(store, app.registry, id, runs.mayProgress(id))
    return run ? c.json(run) : c.json({ error: `no run with id "${id}"` }, 404)
  })

  routes.post('/runs/:id/cancel', (c) => {
    const id = c.req.param('id')
    const run = store.runs.get(id)
    if (run === undefined) return c.json({ error: `no run with id "${id}"` }, 404)
    if (!runs.cancel(id)) {
      return c.json(
        { error: `run ${id} is not running (it ${run.status}); nothing to cancel` },
        409,
      )
    }
    return c.json({ runId: id, cancelling: true }, 202)
  })

  routes.post('/runs/:id/resubmit', async (c) => {
    const id = c.req.param('id')
    const body = await readJson(c, apiRoutes.resubmit.request)
    if (!body.ok) return body.response
    const result = await runs.resubmit(id, body.value.nodeIds)
    if (result.ok) return c.json({ runId: id, resumed: true, resubmit: body.value.nodeIds }, 202)
    switch (result.reason) {
      case 'not-found':
        return c.json({ error: `no run with id "${id}"` }, 404)
      case 'running':
        return c.json({ error: `run ${id} is still running: decide once it has stopped` }, 409)
      case 'finished':
        return c.json({ error: `run ${id} has finished; start a new run instead` }, 409)
      case 'unknown-nodes':
        return c.json(
          {
            error: `nodeIds: the run's workflow has no node ${result.nodeIds.map((n) => `"${n}"`).join(', ')}`,
            issues: [{ path: 'nodeIds', message: `unknown nodes: ${result.nodeIds.join(', ')}` }],
          },
          422,
        )
    }
  })

  return routes
}

/** Why a run with a budget was refused, for a person. */
function refusalText(refused: { estimateUsd: number; budgetUsd: number; unknownPrice: number }) {
  const budget = `$${refused.budgetUsd.toFixed(2)}`
  return refused.unknownPrice > 0
    ? `refused: ${refused.unknownPrice} node(s) have an unknown price, which the budget of ${budget} cannot cover; start it with allowUnknownPrice to run them anyway`
    : `refused: the estimate $${refused.estimateUsd.toFixed(2)} is over the budget of ${budget}`
}

/** What a plan will do and cost: per node, and in total. */
function describePlan(plan: RunPlan) {
  const ids = (action: string) => plan.nodes.filter((n) => n.action === action).map((n) => n.id)
  return {
    targets: plan.targets,
    estimate: plan.estimate,
    toRun: ids('run'),
    cached: ids('cached'),
    reused: ids('reuse'),
    nodes: plan.nodes.map((n) => ({
      id: n.id,
      type: n.spec.type,
      action: n.action,
      costUsd: n.costUsd,
      ...(n.resumeRequestId ? { resumeRequestId: n.resumeRequestId } : {}),
      ...(n.needsDecision ? { needsDecision: true } : {}),
      ...(n.priceUnknown ? { priceUnknown: true } : {}),
    })),
    warnings: plan.warnings,
  }
}
