import { hash } from 'node:crypto'
import { dirname, resolve } from 'node:path'
import { fingerprintDocument, type PlanResult, planRun } from '@shotchain/engine'
import { createRegistry, type NodeRegistry, type WorkflowDocument } from '@shotchain/graph'
import { builtInNodes } from '@shotchain/nodes'
import { createRunServices, type RunServices } from '@shotchain/runtime'
import type { CliArgs } from '../cli-args.ts'
import type { CliIo } from '../cli-io.ts'
import { describeIssues, loadWorkflow } from '../workflow/load-workflow.ts'

export interface PreparedRun {
  readonly doc: WorkflowDocument
  readonly registry: NodeRegistry
  readonly services: RunServices
  readonly planned: Extract<PlanResult, { ok: true }>['plan']
  readonly fingerprints: ReadonlyMap<string, string>
}

/** SHA-256 through node:crypto: the same keys as the engine's portable default, faster. */
export const nodeHash = (text: string) => hash('sha256', text, 'hex')

/**
 * Loads, validates, fingerprints and plans a workflow. Prints what is wrong and returns
 * undefined when it cannot run; nothing has been paid for at that point.
 */
export async function prepareRun(
  args: CliArgs,
  io: CliIo,
  withFal: boolean,
): Promise<PreparedRun | undefined> {
  const path = resolve(io.cwd, args.file)
  const loaded = await loadWorkflow(path)
  if (!loaded.ok) {
    io.err(loaded.message)
    return undefined
  }
  const { doc } = loaded
  const registry = createRegistry(builtInNodes)
  const services = await createRunServices({ env: io.env, workflowPath: path, withFal })
  const refuse = (issues: Parameters<typeof describeIssues>[1]) => {
    io.err(describeIssues(path, issues))
    return services.close().then(() => undefined)
  }
  const { fingerprints, issues } = await fingerprintDocument(
    doc,
    registry,
    services.nodeServices,
    io.signal,
  )
  const plan = planRun(doc, registry, {
    cache: services.store.cache,
    journal: services.store.journal,
    hash: nodeHash,
    fingerprints,
    ...(args.to ? { targets: args.to } : {}),
  })
  const needed = plan.ok ? new Set(plan.plan.nodes.map((n) => n.id)) : undefined
  const blocking = issues.filter((i) => needed === undefined || needed.has(i.nodeId ?? ''))
  if (!plan.ok) return refuse([...plan.issues, ...blocking])
  if (blocking.length > 0) return refuse(blocking)
  return { doc, registry, services, planned: plan.plan, fingerprints }
}

/** The folder outputs go to by default: `<workflow folder>/out/<workflow file name>`. */
export function defaultOutDir(args: CliArgs, io: CliIo): string {
  const path = resolve(io.cwd, args.file)
  const base = path.replace(/^.*[\\/]/, '').replace(/\.json$/i, '')
  return resolve(dirname(path), 'out', base)
}
