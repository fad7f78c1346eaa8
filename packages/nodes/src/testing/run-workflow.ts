import {
  type CacheStore,
  createMemoryCache,
  createMemoryJournal,
  executeRun,
  fingerprintDocument,
  type Journal,
  type PlanResult,
  planRun,
  type RunEvent,
  type RunPlan,
  type RunResult,
} from '@shotchain/engine'
import { createRegistry, type NodeRegistry, type WorkflowDocument } from '@shotchain/graph'
import { registerBuiltInNodes } from '../built-in-nodes.ts'
import { createFakeServices, type FakeServices } from './fake-services.ts'

/** A cache, a journal and fake services that outlive one run, as the CLI's state folder does. */
export interface TestStores {
  readonly cache: CacheStore
  readonly journal: Journal
  readonly services: FakeServices
  readonly registry: NodeRegistry
}

/** Fresh stores with `frames/start.png` and `frames/end.png` (1280×720) on the fake disk. */
export function createTestStores(): TestStores {
  const registry = createRegistry()
  registerBuiltInNodes(registry)
  const services = createFakeServices()
  services.files.set('frames/start.png', { content: 'start v1' })
  services.files.set('frames/end.png', { content: 'end v1' })
  return { cache: createMemoryCache(), journal: createMemoryJournal(), services, registry }
}

/** Fingerprints and plans `doc` as the CLI does; fingerprint issues refuse the plan too. */
export async function planWorkflow(doc: WorkflowDocument, stores: TestStores): Promise<PlanResult> {
  const { registry, services, cache, journal } = stores
  const { fingerprints, issues } = await fingerprintDocument(doc, registry, services)
  const planned = planRun(doc, registry, { cache, journal, fingerprints })
  if (issues.length === 0) return planned
  return { ok: false, issues: [...issues, ...(planned.ok ? [] : planned.issues)] }
}

/** What a test run may add to {@link runWorkflow}: a signal, a budget, unknown prices allowed. */
export interface TestRunOptions {
  readonly signal?: AbortSignal
  readonly budgetUsd?: number
  readonly allowUnknownPrice?: boolean
}

/** Plans and runs `doc`, collecting its events. Throws with the issues when the plan is refused. */
export async function runWorkflow(
  doc: WorkflowDocument,
  stores: TestStores,
  options: TestRunOptions = {},
): Promise<{ plan: RunPlan; result: RunResult; events: RunEvent[] }> {
  const planned = await planWorkflow(doc, stores)
  if (!planned.ok) {
    throw new Error(planned.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  }
  const events: RunEvent[] = []
  let t = 0
  const result = await executeRun(planned.plan, {
    runId: 'run',
    now: () => t++,
    services: stores.services,
    cache: stores.cache,
    journal: stores.journal,
    limits: { fal: 2 },
    onEvent: (event) => events.push(event),
    ...options,
  })
  return { plan: planned.plan, result, events }
}

/**
 * Starts a run of `doc` and abandons it once its first paid job was submitted, as a killed
 * process does: its job is held at the fake fal and its request stays journaled. Resolves then,
 * with fal no longer holding jobs.
 */
export async function abandonAfterSubmit(doc: WorkflowDocument, stores: TestStores): Promise<void> {
  const { fal } = stores.services
  fal.hold = true
  const submitted = new Promise<void>((resolve) => {
    fal.onSubmit = () => setTimeout(resolve, 0)
  })
  void runWorkflow(doc, stores)
  await submitted
  fal.onSubmit = undefined
  fal.hold = false
}
