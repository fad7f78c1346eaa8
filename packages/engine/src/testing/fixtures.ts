import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import {
  createRegistry,
  defineNode,
  type NodeOutputs,
  type NodeRegistry,
  type WorkflowDocument,
  type WorkflowEdge,
  type WorkflowNode,
} from '@shotchain/graph'
import { z } from 'zod'
import type { CacheStore } from '../cache/cache-store.ts'
import type { Journal } from '../journal/journal.ts'
import type { PlanMemo } from '../plan/plan-memo.ts'
import { planRun } from '../plan/plan-run.ts'
import type { RunPlan } from '../plan/types.ts'
import type { RunEvent } from '../run/events.ts'
import { executeRun, type RunResult } from '../run/execute-run.ts'
import type { SpendLedger } from '../spend/spend-ledger.ts'

/** What test nodes do and what they saw; shared through `ctx.services`. */
export interface TestServices {
  /** Node ids in the order their `run` started. */
  readonly started: string[]
  /** Node ids in the order their `run` finished. */
  readonly finished: string[]
  /** `start:<id>` and `end:<id>` in the order they happened. */
  readonly trace: string[]
  /** How many `fal` nodes run right now, and the most seen at once. */
  readonly fal: { active: number; max: number }
  /** Awaited before a node finishes, to hold it open or interleave it. */
  wait?: (nodeId: string, signal: AbortSignal) => Promise<void>
  /** Nodes that throw instead of finishing. */
  readonly failing: Set<string>
  /** Nodes that finish without their `out` value (a buggy node). */
  readonly forgetful: Set<string>
  /** The paid provider `job` nodes call. */
  readonly provider: FakeProvider
}

/** A stand-in for a paid API: it counts submits, and its jobs finish when the test says. */
export interface FakeProvider {
  readonly submitted: string[]
  readonly attached: string[]
  /** Thrown by the next submit instead of accepting it. */
  submitError?: unknown
  /** Thrown by the next wait for a result. */
  waitError?: unknown
  /** While true, results never arrive (a run killed while waiting). */
  hold: boolean
  /** With `hold`: the wait ends when the run's signal aborts, as a real wait does. */
  abortable?: boolean
  /** Requests it reports cancelled: a `job` node resuming one submits again in its place. */
  readonly dead: Set<string>
}

export function createTestServices(): TestServices {
  return {
    started: [],
    finished: [],
    trace: [],
    fal: { active: 0, max: 0 },
    failing: new Set(),
    forgetful: new Set(),
    provider: { submitted: [], attached: [], hold: false, dead: new Set() },
  }
}

const stepParams = z.object({
  label: z.string().default(''),
  n: z.number().default(0),
  paid: z.boolean().default(false),
})

/**
 * A node that joins its inputs' text; `paid` ones cost $0.10. All draw from the `fal` pool.
 * Its result depends on its params and inputs only, as a real node's must.
 */
const step = defineNode<z.infer<typeof stepParams>, TestServices>({
  type: 'step',
  version: 1,
  title: 'Step',
  inputs: { a: { type: 'text' }, b: { type: 'text' }, c: { type: 'text' } },
  outputs: { out: { type: 'text' } },
  params: stepParams,
  resource: 'fal',
  cost: (params) => (params.paid ? 0.1 : 0),
  async run(ctx) {
    const { services } = ctx
    services.started.push(ctx.nodeId)
    services.trace.push(`start:${ctx.nodeId}`)
    services.fal.active++
    services.fal.max = Math.max(services.fal.max, services.fal.active)
    try {
      await services.wait?.(ctx.nodeId, ctx.signal)
      if (services.failing.has(ctx.nodeId)) {
        throw new ShotchainError(ERROR_CODES.server, `${ctx.nodeId} broke`, { nodeId: ctx.nodeId })
      }
      if (services.forgetful.has(ctx.nodeId)) return {}
      const parts = ['a', 'b', 'c'].map((p) => ctx.inputs[p]).filter((v) => v !== undefined)
      return { out: `${ctx.params.label}:${ctx.params.n}(${parts.join(',')})` }
    } finally {
      services.fal.active--
      services.finished.push(ctx.nodeId)
      services.trace.push(`end:${ctx.nodeId}`)
    }
  },
})

/** Joins a list input in edge order. */
const join = defineNode<Record<string, never>, TestServices>({
  type: 'join',
  version: 1,
  title: 'Join',
  inputs: { clips: { type: 'text', list: true, required: true } },
  outputs: { out: { type: 'text' } },
  params: z.object({}),
  isOutput: true,
  async run(ctx) {
    ctx.services.started.push(ctx.nodeId)
    ctx.services.finished.push(ctx.nodeId)
    return { out: (ctx.inputs.clips as string[]).join('+') }
  },
})

/**
 * A paid node: submits through the journal, or re-attaches to the request it is handed, and
 * replaces that request when the provider reports it cancelled.
 */
const job = defineNode<{ prompt: string }, TestServices>({
  type: 'job',
  version: 1,
  title: 'Paid job',
  inputs: {},
  outputs: { out: { type: 'text' } },
  params: z.object({ prompt: z.string().default('') }),
  resource: 'fal',
  // The provider's name for the prompt param, as a 422 would say it.
  wireFields: { prompt_text: 'prompt' },
  cost: () => 0.42,
  async run(ctx) {
    const provider = ctx.services.provider
    const send = async () => {
      const error = provider.submitError
      provider.submitError = undefined
      if (error !== undefined) throw error
      provider.submitted.push(ctx.nodeId)
      return `req-${provider.submitted.length}`
    }
    let requestId = ctx.resumeRequestId
    if (requestId === undefined) {
      requestId = await ctx.submit(send)
    } else {
      provider.attached.push(requestId)
      if (provider.dead.has(requestId)) requestId = await ctx.submit(send, { replacing: requestId })
    }
    if (provider.hold) {
      await new Promise((_, reject) => {
        if (!provider.abortable) return
        ctx.signal.addEventListener('abort', () =>
          reject(
            new ShotchainError(ERROR_CODES.cancelled, 'wait cancelled', { nodeId: ctx.nodeId }),
          ),
        )
      })
    }
    const error = provider.waitError
    provider.waitError = undefined
    if (error !== undefined) throw error
    return { out: `${requestId}:${ctx.params.prompt}` }
  },
})

export function createTestRegistry(): NodeRegistry {
  return createRegistry([step, join, job])
}

/** A step node labelled with its id, so that no two test nodes do the same work by accident. */
export function stepNode(id: string, params: Record<string, unknown> = {}): WorkflowNode {
  return { id, type: 'step', position: [0, 0], params: { label: id, ...params } }
}

export function edge(from: string, to: string, port = 'a', order?: number): WorkflowEdge {
  const fromPort = from.includes('.') ? (from.split('.')[1] as string) : 'out'
  const fromNode = from.split('.')[0] as string
  return {
    id: `${fromNode}->${to}.${port}${order === undefined ? '' : `#${order}`}`,
    from: { node: fromNode, port: fromPort },
    to: { node: to, port },
    ...(order === undefined ? {} : { order }),
  }
}

export function testDocument(
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
): WorkflowDocument {
  return { format: 'shotchain.workflow', version: 1, name: 'test', nodes, edges }
}

/** A clock that moves one millisecond per reading. */
export function createTestClock(start = 1_000): () => number {
  let t = start
  return () => t++
}

export interface TestRunOptions {
  readonly cache: CacheStore
  readonly journal: Journal
  readonly services: TestServices
  readonly limits?: Readonly<Record<string, number>>
  readonly targets?: readonly string[]
  readonly signal?: AbortSignal
  readonly resubmit?: ReadonlySet<string>
  readonly ledger?: SpendLedger
  readonly budgetUsd?: number
  /** Default `run-1`. */
  readonly runId?: string
  readonly memo?: PlanMemo
  readonly inflight?: Map<string, Promise<NodeOutputs>>
}

/** Plans and executes a document, collecting its events. Throws when the plan is refused. */
export async function planAndRun(
  doc: WorkflowDocument,
  options: TestRunOptions,
): Promise<{ plan: RunPlan; result: RunResult; events: RunEvent[] }> {
  const planned = planRun(doc, createTestRegistry(), {
    cache: options.cache,
    journal: options.journal,
    ...(options.targets === undefined ? {} : { targets: options.targets }),
    ...(options.memo === undefined ? {} : { memo: options.memo }),
    ...(options.resubmit === undefined ? {} : { resubmit: options.resubmit }),
  })
  if (!planned.ok) throw new Error(planned.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  const events: RunEvent[] = []
  const result = await executeRun(planned.plan, {
    runId: options.runId ?? 'run-1',
    now: createTestClock(),
    services: options.services,
    cache: options.cache,
    journal: options.journal,
    onEvent: (event) => events.push(event),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.resubmit === undefined ? {} : { resubmit: options.resubmit }),
    ...(options.inflight === undefined ? {} : { inflight: options.inflight }),
    ...(options.ledger === undefined ? {} : { ledger: options.ledger }),
    ...(options.budgetUsd === undefined ? {} : { budgetUsd: options.budgetUsd }),
  })
  return { plan: planned.plan, result, events }
}
