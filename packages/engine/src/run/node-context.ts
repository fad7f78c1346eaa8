import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { NodeProgress, RunContext, SubmitOptions } from '@shotchain/graph'
import type { Journal } from '../journal/journal.ts'
import type { PlannedNode } from '../plan/types.ts'
import type { SpendRecord } from '../spend/spend-ledger.ts'
import type { SubmitBudget } from '../spend/submit-budget.ts'
import type { RunEventBody } from './events.ts'

/** What every node context of one run shares. */
export interface RunScope<S> {
  readonly runId: string
  readonly now: () => number
  readonly journal: Journal
  /** Checks each submit against the run's budget and records it in the spend ledger. */
  readonly budget: SubmitBudget
  readonly services: S
  readonly signal: AbortSignal
  readonly emit: (body: RunEventBody) => void
}

/**
 * The {@link RunContext} of one node attempt, wired to the run's journal and events.
 * A class rather than closures: one is made per node, and runs have 100,000 of them.
 */
export class NodeContext<S> implements RunContext<unknown, S> {
  readonly nodeId: string
  readonly params: unknown
  readonly inputs: Readonly<Record<string, unknown>>
  readonly resumeRequestId: string | undefined
  /** Whether this attempt journaled a submit. */
  submitted = false
  /** What this attempt's submits committed, in USD (0 when it made none). */
  spentUsd = 0
  readonly #node: PlannedNode
  readonly #scope: RunScope<S>

  constructor(
    node: PlannedNode,
    inputs: Readonly<Record<string, unknown>>,
    resumeRequestId: string | undefined,
    scope: RunScope<S>,
  ) {
    this.nodeId = node.id
    this.params = node.params
    this.inputs = inputs
    this.resumeRequestId = resumeRequestId
    this.#node = node
    this.#scope = scope
  }

  get signal(): AbortSignal {
    return this.#scope.signal
  }

  get services(): S {
    return this.#scope.services
  }

  async submit(send: () => Promise<string>, options: SubmitOptions = {}): Promise<string> {
    const { journal, now, runId, signal, budget } = this.#scope
    const key = this.#node.cacheKey
    // A second submit in one attempt only ever replaces a request the provider ended.
    if (this.submitted && options.replacing === undefined)
      throw new Error(`"${this.nodeId}" submitted twice in one attempt`)
    if (signal.aborted) {
      throw new ShotchainError(ERROR_CODES.cancelled, 'the run was cancelled before submitting', {
        nodeId: this.nodeId,
      })
    }
    const price = this.#node.spec.cost?.(this.#node.params)
    const usd = price ?? 0
    // Checked before anything changes: a refused submit leaves the journal as it was.
    budget.reserve(this.nodeId, price)
    // Compare-and-clear: a request another run made in the dead one's place stays, and is joined.
    if (options.replacing !== undefined) journal.clearIf(key, options.replacing)
    if (!journal.begin(key, { nodeId: this.nodeId, runId, at: now() })) {
      budget.release(usd)
      return this.#joinOwner()
    }
    this.submitted = true
    const spend = { runId, nodeId: this.nodeId, cacheKey: key, usd }
    let requestId: string
    try {
      requestId = await send()
    } catch (error) {
      // An ambiguous submit (it may have reached the provider), or one the run's cancel cut off
      // mid-flight, stays for a person to decide, and counts as spent; any other failure surely
      // sent nothing billable.
      const ambiguous = (error as { code?: unknown } | null)?.code === ERROR_CODES.ambiguousSubmit
      if (ambiguous || signal.aborted) this.#commit({ ...spend, at: now() })
      else {
        budget.release(usd)
        journal.clear(key)
      }
      throw error
    }
    // Spend first: a crash between the two writes over-reports spend, never loses it.
    this.#commit({ ...spend, requestId, at: now() })
    journal.record(key, requestId, now())
    this.#scope.emit({ type: 'node-submitted', nodeId: this.nodeId, requestId, costUsd: usd })
    return requestId
  }

  #commit(record: SpendRecord): void {
    this.#scope.budget.commit(record)
    this.spentUsd += record.usd
  }

  /**
   * Another run claimed this exact work between our start and our submit: attach to its request
   * when it has one, else refuse — paying a second time is never the answer.
   */
  #joinOwner(): string {
    const owner = this.#scope.journal.get(this.#node.cacheKey)
    if (owner?.state === 'submitted') return owner.requestId
    throw new ShotchainError(
      ERROR_CODES.ambiguousSubmit,
      `run ${owner?.runId ?? '?'} is submitting this same shot right now; run again once it has`,
      { nodeId: this.nodeId },
    )
  }

  progress(progress: NodeProgress): void {
    this.#scope.emit({ type: 'node-progress', nodeId: this.nodeId, progress })
  }
}
