import { dirname, resolve } from 'node:path'
import type { RunPlan } from '@shotchain/engine'
import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import {
  appRegistry,
  createRunServices,
  falTargetFromEnv,
  loadPacks,
  openModelShelf,
  planWorkflow,
  type RunServices,
} from '@shotchain/runtime'
import type { CliArgs } from '../cli-args.ts'
import type { CliIo } from '../cli-io.ts'
import { describeIssues, loadWorkflow } from '../workflow/load-workflow.ts'

export interface PreparedRun {
  /** The workflow file's absolute path. */
  readonly path: string
  readonly doc: WorkflowDocument
  readonly registry: NodeRegistry
  readonly services: RunServices
  readonly planned: RunPlan
  readonly fingerprints: ReadonlyMap<string, string>
}

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
  // Node packs beside the built-in one, as SHOTCHAIN_PACKS names them from the working folder.
  const packs = await loadPacks(io.env, io.cwd)
  const registry = appRegistry(packs)
  const services = await createRunServices({ env: io.env, workflowPath: path, withFal, packs })
  // fal models the app fetched by id (kept in the state folder) run headless too.
  await openModelShelf({
    home: services.store.home,
    registry,
    target: falTargetFromEnv(io.env),
  })
  const refuse = (issues: Parameters<typeof describeIssues>[1]) => {
    io.err(describeIssues(path, issues))
    return services.close().then(() => undefined)
  }
  const planned = await planWorkflow({
    doc,
    registry,
    services: services.nodeServices,
    store: services.store,
    ...(args.to ? { targets: args.to } : {}),
    signal: io.signal,
    imageFacts: services.readImageFacts,
    // Chosen resubmits are priced like any submit: the budget sees them.
    resubmit: new Set(args.resubmit),
  })
  if (!planned.ok) return refuse(planned.issues)
  const { plan, fingerprints } = planned
  return { path, doc, registry, services, planned: plan, fingerprints }
}

/** The folder outputs go to by default: `<workflow folder>/out/<workflow file name>`. */
export function defaultOutDir(args: CliArgs, io: CliIo): string {
  const path = resolve(io.cwd, args.file)
  const base = path.replace(/^.*[\\/]/, '').replace(/\.json$/i, '')
  return resolve(dirname(path), 'out', base)
}
