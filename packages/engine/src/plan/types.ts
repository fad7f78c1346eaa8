import type { AnyNodeSpec, Issue, NodeOutputs, PortRef, WorkflowDocument } from '@shotchain/graph'

/** One input port of a planned node and the outputs that feed it (in order for list inputs). */
export interface PlannedInput {
  readonly port: string
  readonly list: boolean
  readonly sources: readonly PortRef[]
  /** Per source, the feeding node's position in `RunPlan.nodes`, or -1 when the run does not touch it. */
  readonly indexes: readonly number[]
}

/**
 * A node the run touches: it runs, its stored result is read from the cache, or (`reuse`) it asks
 * for exactly the work of another node of this run and takes that node's result.
 */
export interface PlannedNode {
  readonly id: string
  readonly spec: AnyNodeSpec
  /** Params after the schema filled defaults. */
  readonly params: unknown
  readonly cacheKey: string
  readonly action: 'run' | 'cached' | 'reuse'
  /** The stored result, when `action` is `cached`. */
  readonly outputs?: NodeOutputs
  /** The node whose result this one takes, when `action` is `reuse`. */
  readonly reuseOf?: string
  /**
   * The most running it may commit, in USD: its price when it submits, and also when it
   * re-attaches to a paid request (one the provider reports dead is submitted again); 0 when
   * cached, reused, or waiting for a person's decision.
   */
  readonly costUsd: number
  /** It will submit at a price nobody knows (its spec's `cost` said undefined): `costUsd` is 0. */
  readonly priceUnknown: boolean
  /** A request an interrupted run already paid for; the node re-attaches to it. */
  readonly resumeRequestId?: string
  /** A submit may have reached the provider without its id being saved: a person must decide. */
  readonly needsDecision: boolean
  readonly inputs: readonly PlannedInput[]
  /** Positions in `RunPlan.nodes` of the nodes this one waits for (for `reuse`, its leader). */
  readonly dependsOn: readonly number[]
}

/** What a run will do and cost, before anything is paid for. */
export interface RunEstimate {
  /** The most the run may commit, in USD: every submit it may make. */
  readonly usd: number
  /**
   * The part of `usd` that re-attached nodes would cost only if the provider reports their paid
   * request dead and they submit again; usually nothing of it is spent.
   */
  readonly resumedUsd: number
  /** Nodes that will run. */
  readonly run: number
  /** Nodes whose result comes from the cache. */
  readonly cached: number
  /** Nodes that take the result of an identical node of the same run. */
  readonly reused: number
  /** Nodes that re-attach to a job an earlier run paid for. */
  readonly resumed: number
  /** Nodes that wait for a person to decide whether to submit again. */
  readonly needsDecision: number
  /** Nodes that will submit at an unknown price (not counted in `usd`). */
  readonly unknownPrice: number
}

/** A valid, frozen plan: what `executeRun` carries out. */
export interface RunPlan {
  readonly doc: WorkflowDocument
  readonly targets: readonly string[]
  /** The nodes the run touches, in dependency order (inputs before the nodes they feed). */
  readonly nodes: readonly PlannedNode[]
  readonly estimate: RunEstimate
  /** Issues that do not stop this run (warnings, or errors in nodes it does not need). */
  readonly warnings: readonly Issue[]
}

export type PlanResult =
  | { readonly ok: true; readonly plan: RunPlan }
  | { readonly ok: false; readonly issues: readonly Issue[] }
