import type { RunEvent } from '@shotchain/engine'
import { z } from 'zod'

/**
 * Every type of event a run's SSE stream (`GET /api/runs/:id/events`) sends, the SSE `event:`
 * name of each message. The engine owns the events: its `RunEvent` union and this list must
 * agree (the type check below fails otherwise).
 * @public
 */
export const RUN_EVENT_TYPES = [
  'run-started',
  'node-queued',
  'node-started',
  'node-submitted',
  'node-progress',
  'node-cached',
  'node-succeeded',
  'node-failed',
  'node-skipped',
  'node-cancelled',
  'run-finished',
] as const satisfies readonly RunEvent['type'][]

/** A type of the engine's events missing from {@link RUN_EVENT_TYPES}: must be `never`. */
type MissingEventType = Exclude<RunEvent['type'], (typeof RUN_EVENT_TYPES)[number]>
const everyEventType: [MissingEventType] extends [never] ? true : MissingEventType = true
void everyEventType

const base = { runId: z.string(), seq: z.number().int().positive(), at: z.number() }
const node = { ...base, nodeId: z.string() }
const ids = z.array(z.string())
const outputs = z.record(z.string(), z.unknown())
const of = <T extends (typeof RUN_EVENT_TYPES)[number], S extends z.core.$ZodLooseShape>(
  type: T,
  shape: S,
) => z.looseObject({ type: z.literal(type), ...shape })

/**
 * A run event as it travels, checked loosely: its type, run, seq and time, its node, and the
 * fields a client reads to follow a run (outputs, errors, totals). The engine's `RunEvent` is
 * its full type; {@link parseRunEvent} gives that type to an event that passes.
 * @public
 */
export const runEventJson = z.discriminatedUnion('type', [
  of('run-started', { ...base, targets: ids, toRun: ids, cached: ids, reused: ids }),
  of('node-queued', node),
  of('node-started', { ...node, resumeRequestId: z.string().optional() }),
  of('node-submitted', { ...node, requestId: z.string(), costUsd: z.number() }),
  of('node-progress', { ...node, progress: z.looseObject({}) }),
  of('node-cached', { ...node, outputs, reuseOf: z.string().optional() }),
  of('node-succeeded', { ...node, outputs, costUsd: z.number() }),
  of('node-failed', { ...node, error: z.looseObject({ code: z.string(), message: z.string() }) }),
  of('node-skipped', { ...node, reason: z.string(), causeNodeId: z.string() }),
  of('node-cancelled', node),
  of('run-finished', {
    ...base,
    status: z.enum(['succeeded', 'failed', 'cancelled']),
    spentUsd: z.number(),
    counts: z.looseObject({}),
  }),
])

/** What {@link parseRunEvent} found. @public */
export type ParsedRunEvent =
  | { readonly ok: true; readonly event: RunEvent }
  | { readonly ok: false; readonly problem: string }

/**
 * Reads the `data` of one SSE message of a run's stream: JSON that passes {@link runEventJson}
 * is the engine's `RunEvent`; anything else is a problem naming the field at fault. Never throws.
 * @example
 * const read = parseRunEvent(message.data)
 * if (read.ok) view = applyRunEvent(view, read.event)
 * @public
 */
export function parseRunEvent(data: string): ParsedRunEvent {
  let raw: unknown
  try {
    raw = JSON.parse(data)
  } catch {
    return { ok: false, problem: `a run event that is not JSON: ${data.slice(0, 80)}` }
  }
  const checked = runEventJson.safeParse(raw)
  if (!checked.success) {
    const first = checked.error.issues[0]
    const where = first ? `${first.path.map(String).join('.') || '(event)'}: ${first.message}` : ''
    return { ok: false, problem: `a run event the API contract does not allow: ${where}` }
  }
  // Checked loosely above; the engine's type says the rest (outputs, progress, counts).
  return { ok: true, event: raw as RunEvent }
}
