import type { ErrorInfo } from '@shotchain/errors'
import type { NodeOutputs } from '@shotchain/graph'
import { packedArray } from '../plan/graph-index.ts'
import type { PlannedNode, RunPlan } from '../plan/types.ts'
import { createMemoryLedger } from '../spend/spend-ledger.ts'
import { SubmitBudget } from '../spend/submit-budget.ts'
import type { RunEvent, RunEventBody, RunStatus } from './events.ts'
import type { ExecuteOptions, RunResult } from './execute-run.ts'
import { NodeContext, type RunScope } from './node-context.ts'
import { ResourcePools } from './resource-pools.ts'
import { ambiguousSubmitError, isRequestEnded, missingOutput, nodeErrorInfo } from './run-errors.ts'

type SlotState = 'waiting' | 'queued' | 'running' | 'done' | 'failed' | 'skipped' | 'cancelled'

interface Slot {
  readonly node: PlannedNode
  /** Position in the plan's nodes, and in the run's outputs. */
  readonly index: number
  state: SlotState
  /** Nodes of this run still to finish before this one can start. */
  pending: number
  readonly dependents: Slot[]
}

/** One run of a plan: the ready-set scheduler behind {@link executeRun}. */
export class RunExecution<S> {
  readonly #plan: RunPlan
  readonly #options: ExecuteOptions<S>
  readonly #scope: RunScope<S>
  readonly #signal: AbortSignal
  readonly #pools: ResourcePools<Slot>
  readonly #slots: Slot[] = []
  readonly #outputs: (NodeOutputs | undefined)[]
  readonly #errors: ErrorInfo[] = []
  readonly #listenerErrors: unknown[] = []
  readonly #counts = { succeeded: 0, cached: 0, failed: 0, skipped: 0, cancelled: 0 }
  #seq = 0
  #unsettled = 0
  #finish: (result: RunResult) => void = () => {}
  readonly #onAbort = () => this.#cancelWaiting()

  constructor(plan: RunPlan, options: ExecuteOptions<S>) {
    this.#plan = plan
    this.#options = options
    this.#pools = new ResourcePools(options.limits)
    this.#signal = options.signal ?? new AbortController().signal
    this.#outputs = packedArray(plan.nodes.length)
    this.#scope = {
      runId: options.runId,
      now: options.now,
      journal: options.journal,
      budget: new SubmitBudget(
        options.ledger ?? createMemoryLedger(),
        options.runId,
        options.budgetUsd,
        options.allowUnknownPrice,
      ),
      services: options.services,
      signal: this.#signal,
      emit: (body) => this.#emit(body),
    }
  }

  start(): Promise<RunResult> {
    const done = new Promise<RunResult>((resolve) => {
      this.#finish = resolve
    })
    const idsOf = (action: PlannedNode['action']) =>
      this.#plan.nodes.filter((n) => n.action === action).map((n) => n.id)
    this.#emit({
      type: 'run-started',
      targets: this.#plan.targets,
      toRun: idsOf('run'),
      cached: idsOf('cached'),
      reused: idsOf('reuse'),
      estimate: this.#plan.estimate,
    })
    this.#buildSlots()
    this.#unsettled = this.#slots.length
    if (this.#signal.aborted) this.#cancelWaiting()
    else {
      this.#signal.addEventListener('abort', this.#onAbort, { once: true })
      for (const slot of this.#slots) if (slot.pending === 0) this.#enqueue(slot)
    }
    this.#finishIfSettled()
    return done
  }

  /** Reports cached nodes and makes a slot for every node that runs or reuses. */
  #buildSlots(): void {
    const byIndex = packedArray<Slot | undefined>(this.#plan.nodes.length)
    this.#plan.nodes.forEach((node, index) => {
      if (node.action === 'cached') {
        const outputs = node.outputs as NodeOutputs
        this.#outputs[index] = outputs
        this.#counts.cached++
        this.#emit({ type: 'node-cached', nodeId: node.id, outputs })
        return
      }
      const slot: Slot = { node, index, state: 'waiting', pending: 0, dependents: [] }
      for (const upstream of node.dependsOn) {
        const from = byIndex[upstream]
        if (from === undefined) continue
        slot.pending++
        from.dependents.push(slot)
      }
      byIndex[index] = slot
      this.#slots.push(slot)
    })
  }

  #enqueue(slot: Slot): void {
    if (slot.node.action === 'reuse') {
      this.#reuse(slot)
      return
    }
    slot.state = 'queued'
    this.#emit({ type: 'node-queued', nodeId: slot.node.id })
    for (const next of this.#pools.enqueue(slot.node.spec.resource, slot)) this.#run(next)
  }

  #run(slot: Slot): void {
    const { node } = slot
    slot.state = 'running'
    // The same work running in another execution of this process: wait for it, do not pay again.
    const elsewhere = this.#options.inflight?.get(node.cacheKey)
    if (elsewhere !== undefined) {
      this.#emit({ type: 'node-started', nodeId: node.id })
      elsewhere.then(
        (outputs) => this.#adopt(slot, outputs),
        () => this.#attempt(slot),
      )
      return
    }
    this.#attempt(slot)
  }

  #attempt(slot: Slot): void {
    const { node } = slot
    const { journal, resubmit, inflight } = this.#options
    let entry = journal.get(node.cacheKey)
    // A person chose to pay again: a submit whose id was lost, or a request that cannot finish.
    if (entry !== undefined && resubmit?.has(node.id)) {
      journal.clear(node.cacheKey)
      entry = undefined
    }
    const resumeRequestId = entry?.state === 'submitted' ? entry.requestId : undefined
    this.#emit(
      resumeRequestId === undefined
        ? { type: 'node-started', nodeId: node.id }
        : { type: 'node-started', nodeId: node.id, resumeRequestId },
    )
    if (entry?.state === 'submitting') {
      this.#markFailed(slot, ambiguousSubmitError(node.id, entry))
      this.#release(slot)
      this.#settle()
      return
    }
    const context = new NodeContext(node, this.#inputsOf(node), resumeRequestId, this.#scope)
    let result: Promise<NodeOutputs>
    try {
      result = node.spec.run(context)
    } catch (error) {
      result = Promise.reject(error)
    }
    if (inflight !== undefined) {
      inflight.set(node.cacheKey, result)
      const forget = () => {
        if (inflight.get(node.cacheKey) === result) inflight.delete(node.cacheKey)
      }
      result.then(forget, forget)
    }
    result.then(
      (outputs) => this.#succeed(slot, outputs, context),
      (error: unknown) => this.#settleError(slot, error, isJournaled(context)),
    )
  }

  #inputsOf(node: PlannedNode): Record<string, unknown> {
    const inputs: Record<string, unknown> = {}
    for (const input of node.inputs) {
      if (input.list) {
        inputs[input.port] = input.sources.map(
          (s, k) => this.#outputs[input.indexes[k] as number]?.[s.port],
        )
      } else {
        const source = input.sources[0]
        inputs[input.port] = source && this.#outputs[input.indexes[0] as number]?.[source.port]
      }
    }
    return inputs
  }

  #succeed(slot: Slot, outputs: NodeOutputs, context: NodeContext<S>): void {
    const { node } = slot
    const journaled = isJournaled(context)
    const missing = missingOutput(node, outputs)
    if (missing !== undefined) {
      this.#settleError(slot, missing, journaled)
      return
    }
    const { cache, journal, now } = this.#options
    cache.set(node.cacheKey, { outputs, nodeType: node.spec.type, createdAt: now() })
    if (journaled) journal.clear(node.cacheKey)
    slot.state = 'done'
    this.#outputs[slot.index] = outputs
    this.#counts.succeeded++
    this.#emit({ type: 'node-succeeded', nodeId: node.id, outputs, costUsd: context.spentUsd })
    this.#release(slot)
    this.#readyDependents(slot)
    this.#settle()
  }

  /** Takes the result another execution produced for the same cache key (it paid, not this run). */
  #adopt(slot: Slot, outputs: NodeOutputs): void {
    slot.state = 'done'
    this.#outputs[slot.index] = outputs
    this.#counts.cached++
    this.#emit({ type: 'node-cached', nodeId: slot.node.id, outputs })
    this.#release(slot)
    this.#readyDependents(slot)
    this.#settle()
  }

  #reuse(slot: Slot): void {
    const { node } = slot
    const outputs = this.#outputs[node.dependsOn[0] as number] as NodeOutputs
    slot.state = 'done'
    this.#outputs[slot.index] = outputs
    this.#counts.cached++
    this.#emit({ type: 'node-cached', nodeId: node.id, outputs, reuseOf: node.reuseOf as string })
    this.#readyDependents(slot)
    this.#settle()
  }

  #readyDependents(slot: Slot): void {
    if (this.#signal.aborted) return
    for (const next of slot.dependents) {
      if (--next.pending === 0 && next.state === 'waiting') this.#enqueue(next)
    }
  }

  #settleError(slot: Slot, error: unknown, journaled: boolean): void {
    const info = nodeErrorInfo(error, slot.node)
    // A paid request stays journaled until its result is cached, so a later run re-attaches to
    // it (a failed download, a 5xx on its result, a cancel: it may be finished and billed). Only
    // the provider's final word that it ended without a result lets the entry go.
    if (journaled && isRequestEnded(error) && !this.#signal.aborted) {
      this.#options.journal.clear(slot.node.cacheKey)
    }
    // Only this run's own cancel makes a node cancelled. A job cancelled elsewhere (at fal, by
    // someone else) is this node's failure: the run must not finish as if it succeeded.
    if (this.#signal.aborted) {
      slot.state = 'cancelled'
      this.#counts.cancelled++
      this.#emit({ type: 'node-cancelled', nodeId: slot.node.id })
      this.#skipDependents(slot, 'cancelled')
    } else {
      this.#markFailed(slot, info)
    }
    this.#release(slot)
    this.#settle()
  }

  /** Marks a node failed and skips what needs it; the caller releases its slot and settles it. */
  #markFailed(slot: Slot, error: ErrorInfo): void {
    slot.state = 'failed'
    this.#counts.failed++
    this.#errors.push(error)
    this.#emit({ type: 'node-failed', nodeId: slot.node.id, error })
    this.#skipDependents(slot, 'failed')
  }

  #skipDependents(root: Slot, why: 'failed' | 'cancelled'): void {
    const stack = [...root.dependents]
    while (stack.length > 0) {
      const slot = stack.pop() as Slot
      if (slot.state !== 'waiting') continue
      slot.state = 'skipped'
      this.#counts.skipped++
      this.#unsettled--
      this.#emit({
        type: 'node-skipped',
        nodeId: slot.node.id,
        reason: `needs the result of "${root.node.id}", which ${why}`,
        causeNodeId: root.node.id,
      })
      stack.push(...slot.dependents)
    }
  }

  #release(slot: Slot): void {
    for (const next of this.#pools.release(slot.node.spec.resource)) this.#run(next)
  }

  #cancelWaiting(): void {
    this.#pools.clearQueued()
    for (const slot of this.#slots) {
      if (slot.state !== 'waiting' && slot.state !== 'queued') continue
      slot.state = 'cancelled'
      this.#counts.cancelled++
      this.#unsettled--
      this.#emit({ type: 'node-cancelled', nodeId: slot.node.id })
    }
    this.#finishIfSettled()
  }

  #settle(): void {
    this.#unsettled--
    this.#finishIfSettled()
  }

  #finishIfSettled(): void {
    if (this.#unsettled !== 0) return
    this.#unsettled = -1
    this.#signal.removeEventListener('abort', this.#onAbort)
    const status: RunStatus = this.#signal.aborted
      ? 'cancelled'
      : this.#counts.failed > 0
        ? 'failed'
        : 'succeeded'
    const spentUsd = this.#scope.budget.spentNowUsd
    const counts = { ...this.#counts }
    this.#emit({ type: 'run-finished', status, spentUsd, counts })
    const outputs = new Map<string, NodeOutputs>()
    this.#plan.nodes.forEach((node, i) => {
      const value = this.#outputs[i]
      if (value !== undefined) outputs.set(node.id, value)
    })
    this.#finish({
      runId: this.#options.runId,
      status,
      outputs,
      errors: this.#errors,
      spentUsd,
      counts,
      listenerErrors: this.#listenerErrors,
    })
  }

  /** Stamps the body (a fresh literal at every call site) and hands it to the listener. */
  #emit(body: RunEventBody): void {
    const listener = this.#options.onEvent
    if (listener === undefined) return
    const event = body as { runId?: string; seq?: number; at?: number }
    event.runId = this.#options.runId
    event.seq = ++this.#seq
    event.at = this.#options.now()
    try {
      listener(event as RunEvent)
    } catch (error) {
      this.#listenerErrors.push(error)
    }
  }
}

/** Whether a node attempt's work is in the journal: it submitted, or it re-attached. */
function isJournaled(context: NodeContext<unknown>): boolean {
  return context.submitted || context.resumeRequestId !== undefined
}
