import { planRun, type RunEvent, type RunPlan } from '@shotchain/engine'
import { nodesWithRole } from '@shotchain/graph'
import { cliWorkflowId, createRunLifecycle, overBudget } from '@shotchain/runs'
import { nodeHash } from '@shotchain/runtime'
import type { CliArgs } from '../cli-args.ts'
import { type CliIo, EXIT } from '../cli-io.ts'
import { startLiveView } from '../output/live-view.ts'
import { describePlan } from '../output/plan-view.ts'
import { createProgressView } from '../output/progress-view.ts'
import { writeOutputs } from '../output/write-outputs.ts'
import { defaultOutDir, type PreparedRun, prepareRun } from './prepare-run.ts'

/** Above this estimate a run on real fal asks first (unless `--yes`). */
const CONFIRM_ABOVE_USD = 2

/**
 * `shotchain run`: plan, show the estimate, respect the budget, run with live progress (a view
 * redrawn in place on a terminal, plain lines otherwise), write the outputs and a manifest.
 * Ctrl+C cancels: running fal jobs are cancelled at fal. The run goes through the run lifecycle
 * (@shotchain/runs) like the server's: it is recorded in the store with its node states, events
 * and spends, under the workflow id `cli:<absolute file path>`.
 */
export async function runCommand(args: CliArgs, io: CliIo): Promise<number> {
  const prepared = await prepareRun(args, io, true)
  if (prepared === undefined) return EXIT.invalid
  try {
    return await runPrepared(args, io, prepared)
  } finally {
    await prepared.services.close()
  }
}

/** After a run: a plan of every shot and what feeds it, to read their results from the cache. */
function planShots(prepared: PreparedRun): RunPlan {
  const { doc, registry, services, fingerprints } = prepared
  const shots = new Set(nodesWithRole(doc, registry, 'shot').map((shot) => shot.node.id))
  const feeders = doc.edges.filter((e) => shots.has(e.to.node)).map((e) => e.from.node)
  const targets = [...shots, ...feeders]
  const planned = planRun(doc, registry, {
    targets,
    cache: services.store.cache,
    hash: nodeHash,
    fingerprints,
  })
  if (!planned.ok) throw new Error('the document planned before the run cannot be planned after it')
  return planned.plan
}

async function runPrepared(args: CliArgs, io: CliIo, prepared: PreparedRun): Promise<number> {
  const { planned: plan, services } = prepared
  for (const line of describePlan(plan, services.falMode)) io.out(line)
  const usd = plan.estimate.usd
  const refused = overBudget(plan, args.budget, args.allowUnknownPrice)
  if (refused) {
    const budget = `$${refused.budgetUsd.toFixed(2)}`
    io.err(
      refused.unknownPrice > 0
        ? `refused: ${refused.unknownPrice} node(s) have an unknown price, which the budget of ${budget} cannot cover; pass --allow-unknown-price to run them anyway`
        : `refused: the estimate $${refused.estimateUsd.toFixed(2)} is over the budget of ${budget}`,
    )
    return EXIT.refused
  }
  if (services.falMode === 'fal' && usd > CONFIRM_ABOVE_USD && !args.yes) {
    const question = `This run will cost about $${usd.toFixed(2)} on fal. Go ahead?`
    const yes = io.confirm ? await io.confirm(question) : false
    if (!yes) {
      io.err(
        io.confirm ? 'not started.' : `refused: $${usd.toFixed(2)} needs confirmation; pass --yes`,
      )
      return EXIT.refused
    }
  }
  const events: RunEvent[] = []
  const live = io.terminal
    ? startLiveView({ terminal: io.terminal, plan, falMode: services.falMode, signal: io.signal })
    : undefined
  const show = live?.show ?? createProgressView(io.out, services.falMode)
  const runs = createRunLifecycle({
    store: services.store,
    registry: prepared.registry,
    services: services.nodeServices,
    now: Date.now,
    limits: { fal: args.concurrency },
    log: io.err,
    publish: (_runId, { event }) => {
      events.push(event)
      show(event)
    },
  })
  // Recorded with its budget; every submit is recorded in the ledger and held to it as it is made.
  const runId = runs.startPlanned({
    workflowId: cliWorkflowId(prepared.path),
    doc: prepared.doc,
    plan,
    ...(args.to ? { targets: args.to } : {}),
    ...(args.budget === undefined ? {} : { budgetUsd: args.budget }),
    ...(args.allowUnknownPrice ? { allowUnknownPrice: true } : {}),
    resubmit: args.resubmit,
    signal: io.signal,
  })
  const result = await runs.settled(runId).finally(() => live?.close())
  if (result === undefined) throw new Error(`run ${runId} stopped on an engine error`)
  const outDir = args.out ?? defaultOutDir(args, io)
  const shotPlan = planShots(prepared)
  const written = await writeOutputs({
    outDir,
    plan,
    shotPlan,
    result,
    events,
    store: services.store,
  })
  for (const path of written) io.out(`wrote ${path}`)
  for (const error of result.errors) {
    const field = error.field ? ` (field ${error.field})` : ''
    io.err(`node ${error.nodeId ?? '?'}${field}: ${error.message}`)
  }
  if (result.status === 'cancelled') return EXIT.cancelled
  return result.status === 'succeeded' ? EXIT.ok : EXIT.failed
}
