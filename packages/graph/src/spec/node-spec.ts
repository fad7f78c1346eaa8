import type { z } from 'zod'
import type { PortType } from '../document/types.ts'
import type { MediaFacts, NodeRole } from '../roles/node-role.ts'

/** An input port. A list input takes many edges, ordered by each edge's `order`. */
export interface InputSpec {
  readonly type: PortType
  readonly label?: string
  /** A run refuses to start while a required input has no edge. */
  readonly required?: boolean
  readonly list?: boolean
}

export interface OutputSpec {
  readonly type: PortType
  readonly label?: string
}

/** What a node's outputs hold: one JSON-serialisable value per output port (media by reference). */
export type NodeOutputs = Readonly<Record<string, unknown>>

/** Progress a running node reports; it reaches the run's event stream as `node-progress`. */
export interface NodeProgress {
  readonly status?: 'queued' | 'running'
  readonly queuePosition?: number
  readonly logs?: readonly string[]
  readonly message?: string
  /** 0..1 when the node knows how far along it is. */
  readonly fraction?: number
}

/** How {@link RunContext.submit} sends a paid request. */
export interface SubmitOptions {
  /**
   * The dead request this submit takes the place of: the journal forgets it (only while it still
   * holds exactly that id for this work, so a newer request of a concurrent run is never dropped)
   * and the submit is claimed and sent as usual. When the journal holds anything else, the submit
   * behaves as it does without this option.
   *
   * Pass it only on the provider's own word that the request ended without a result: the
   * node's `resumeRequestId` reported cancelled or unknown (codes `cancelled` or `not-found`
   * while the run's `signal` is not aborted), or a request (also one this attempt submitted,
   * the only case where an attempt may submit twice) refused because an input upload had
   * expired. Never after the run's own abort (the job may still finish, and it is paid for) nor
   * after a passing failure (5xx, timeout, network): those keep the request journaled so a
   * later run re-attaches to it.
   */
  readonly replacing?: string | undefined
}

/** What the engine hands a node when it runs. */
export interface RunContext<P = unknown, S = unknown> {
  readonly nodeId: string
  readonly params: P
  /** A single input's value (undefined when not connected), or a list input's values in order. */
  readonly inputs: Readonly<Record<string, unknown>>
  /** Aborted when the run is cancelled; pass it to every request. */
  readonly signal: AbortSignal
  /** Side effects the composition root injected (fal gateway, media tools, blob store…). */
  readonly services: S
  /**
   * The external request id an earlier, interrupted attempt at this exact work recorded.
   * When set, attach to it instead of submitting again: that job is already paid for.
   */
  readonly resumeRequestId: string | undefined
  /**
   * Journals a paid submit. The intent is recorded before `send` runs and the request id it
   * returns is recorded before this resolves, so a crash at any point never leads to a second,
   * silent payment.
   *
   * When another run is submitting the same work, `send` is not called: this resolves with that
   * run's request id, or rejects with `ambiguous-submit` while its id is not known yet.
   *
   * @example
   * // A resumed request the provider says it cancelled: pay once more, in its place.
   * const fresh = await ctx.submit(() => fal.submit(endpoint, input, signal), {
   *   replacing: ctx.resumeRequestId,
   * })
   */
  submit(send: () => Promise<string>, options?: SubmitOptions): Promise<string>
  progress(progress: NodeProgress): void
}

/** A node's own static check beyond its params schema (e.g. `@Image2` with no end frame). */
export interface NodeCheckResult {
  readonly message: string
  readonly severity: 'error' | 'warning'
  /** The param or input port at fault. */
  readonly field?: string
}

/** The node feeding an input, as a check sees it. */
export interface UpstreamNode {
  readonly id: string
  readonly type: string
  /** Its params after its schema filled defaults; undefined when they are invalid. */
  readonly params: unknown
}

export interface NodeCheckContext<P> {
  readonly params: P
  /** Whether an edge reaches this input port. */
  isConnected(port: string): boolean
  /**
   * The node whose output reaches this input (the first, for a list input), e.g. so a Kling node
   * can read its prompt's text and refuse `@Image2` with no end frame.
   */
  upstream(port: string): UpstreamNode | undefined
}

/**
 * Everything the graph and the engine know of a node type. Node packs (built-in or third
 * party) declare these and register them; the engine has no knowledge of any particular type.
 *
 * @example
 * const upper = defineNode({
 *   type: 'upper', version: 1, title: 'Upper case',
 *   inputs: { text: { type: 'text', required: true } },
 *   outputs: { text: { type: 'text' } },
 *   params: z.object({}),
 *   run: async (ctx) => ({ text: String(ctx.inputs.text).toUpperCase() }),
 * })
 */
export interface NodeSpec<P = unknown, S = unknown> {
  /** Stable id stored in documents, e.g. `kling-o1-i2v`. */
  readonly type: string
  /** Bump when the same params and inputs would now give a different result: it is part of the cache key. */
  readonly version: number
  readonly title: string
  readonly description?: string
  readonly category?: string
  readonly inputs: Readonly<Record<string, InputSpec>>
  readonly outputs: Readonly<Record<string, OutputSpec>>
  /** Validates params and fills defaults; its output is what `run` and the cache key see. */
  readonly params: z.ZodType<P>
  /** The concurrency pool the node draws from (e.g. `fal`); unpooled nodes are not limited. */
  readonly resource?: string
  /** A result the run keeps and shows; a run with no targets runs towards these. */
  readonly isOutput?: boolean
  /** What the node is to the apps (source, shot, sequence, output); see {@link NodeRole}. */
  readonly role?: NodeRole<P>
  /** Short stem of readable node ids (`shot` makes `shot-2`); default the type id. */
  readonly idStem?: string
  /**
   * The provider's names of its fields, mapped to this node's ports and params: a provider error
   * naming `start_image_url` then marks the node's `start`.
   */
  readonly wireFields?: Readonly<Record<string, string>>
  /**
   * Before a run pays for this node, what it would refuse in a local file reaching `port` (the
   * source's file param is marked): a problem said for a person, e.g. "is 200×200 px; fal needs
   * both sides at least 300 px", or undefined when it would take it.
   */
  checkInputFile?(port: string, facts: MediaFacts, params: P): string | undefined
  /**
   * Estimated price in US dollars of one run with these params. Free when absent; undefined
   * when the price is not known (a fal model the catalog has no price for): the estimate counts
   * it as unknown, and a run with a budget refuses it unless the person allows unknown prices.
   */
  cost?(params: P): number | undefined
  check?(context: NodeCheckContext<P>): readonly NodeCheckResult[]
  /**
   * What the result depends on outside the document, e.g. the hash of a local file's bytes. It
   * becomes part of the cache key, so editing the file re-runs the node and what it feeds.
   * Computed before planning (`fingerprintDocument`); throw a `ShotchainError` naming the
   * field when the thing cannot be read.
   */
  fingerprint?(params: P, services: S, signal: AbortSignal): Promise<string>
  run(context: RunContext<P, S>): Promise<NodeOutputs>
}

/** A spec whose param and service types are erased, as registries hold them. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds specs of every param type.
export type AnyNodeSpec = NodeSpec<any, any>

/** Declares a node spec with its param type inferred from the zod schema. */
export function defineNode<P, S = unknown>(spec: NodeSpec<P, S>): NodeSpec<P, S> {
  return spec
}
