import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { RunEvent, RunEventBody } from '@shotchain/engine'
import { parseWorkflow, type WorkflowDocument } from '@shotchain/graph'
import { applyRunEvent, emptyRun, type RunView } from '../run-view.ts'

/** The run most fixtures belong to. */
export const RUN_ID = 'run-7f3a'
/** The server clock at the first event (ms). */
export const T0 = 1_767_000_000_000

const STARTER = new URL('../../../../../examples/three-shot-chain.json', import.meta.url)

/** The starter workflow's JSON as a plain object, to edit before parsing. */
export function starterJson(): {
  nodes: { id: string; type: string; position: [number, number]; params: Record<string, unknown> }[]
  edges: {
    id: string
    from: { node: string; port: string }
    to: { node: string; port: string }
    order?: number
  }[]
} {
  return JSON.parse(readFileSync(STARTER, 'utf8'))
}

/** A workflow file read the way the app reads it; throws if it does not load. */
export function docOf(json: unknown): WorkflowDocument {
  const parsed = parseWorkflow(json)
  if (!parsed.ok) throw new Error(`workflow did not load: ${JSON.stringify(parsed.issues)}`)
  return parsed.doc
}

/** examples/three-shot-chain.json: image → shot1 → shot2 → shot3 → sequence → out. */
export const starterDoc = (): WorkflowDocument => docOf(starterJson())

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** A stored clip, as a Kling node outputs it. */
export const clip = (name: string, durationSec = 5.041667) => ({
  kind: 'video' as const,
  hash: sha256(`clip:${name}`),
  contentType: 'video/mp4',
  sizeBytes: 4_812_334,
  width: 1280,
  height: 720,
  durationSec,
})

/** A stored still: an uploaded image or a clip's last frame. */
export const still = (name: string) => ({
  kind: 'image' as const,
  hash: sha256(`image:${name}`),
  contentType: 'image/png',
  sizeBytes: 912_004,
  width: 1280,
  height: 720,
})

/** Stamps bodies as the engine does: `seq` 1, 2, 3… in `runId`, a second apart. */
export function stamp(bodies: readonly RunEventBody[], runId = RUN_ID, firstSeq = 1): RunEvent[] {
  return bodies.map((body, k) => ({ ...body, runId, seq: firstSeq + k, at: T0 + k * 1000 }))
}

/** Applies events in order to `view` (a fresh run by default). */
export function applyAll(events: readonly RunEvent[], view: RunView = emptyRun(RUN_ID)): RunView {
  return events.reduce(applyRunEvent, view)
}

/** The view after a run of `bodies` in {@link RUN_ID}. */
export const viewOf = (bodies: readonly RunEventBody[]): RunView => applyAll(stamp(bodies))

const STARTER_IDS = ['image', 'prompt1', 'shot1', 'prompt2', 'shot2', 'prompt3', 'shot3']

/** The first event of a run of `toRun` (by default the whole starter) costing `usd`. */
export function runStarted(
  toRun: readonly string[] = [...STARTER_IDS, 'sequence', 'out'],
  usd = 1.26,
  cached: readonly string[] = [],
): RunEventBody {
  return {
    type: 'run-started',
    targets: ['out'],
    toRun,
    cached,
    reused: [],
    estimate: {
      usd,
      resumedUsd: 0,
      run: toRun.length,
      cached: cached.length,
      reused: 0,
      resumed: 0,
      needsDecision: 0,
      unknownPrice: 0,
    },
  }
}

/** A free node (image, prompt) that runs at once. */
export const freeStep = (nodeId: string, outputs: Record<string, unknown>): RunEventBody[] => [
  { type: 'node-queued', nodeId },
  { type: 'node-started', nodeId },
  { type: 'node-succeeded', nodeId, outputs, costUsd: 0 },
]

/** A Kling shot from queued to done: queued at fal, then logs, then its clip and last frame. */
export function shotRun(nodeId: string, requestId: string): RunEventBody[] {
  return [
    { type: 'node-queued', nodeId },
    { type: 'node-started', nodeId },
    { type: 'node-submitted', nodeId, requestId, costUsd: 0.42 },
    { type: 'node-progress', nodeId, progress: { status: 'queued', queuePosition: 2, logs: [] } },
    { type: 'node-progress', nodeId, progress: { status: 'running', logs: ['Rendering 12/120'] } },
    {
      type: 'node-succeeded',
      nodeId,
      outputs: { video: clip(nodeId), lastFrame: still(`last:${nodeId}`) },
      costUsd: 0.42,
    },
  ]
}

/** The image and prompts of the starter, done. */
export const inputsDone = (): RunEventBody[] => [
  ...freeStep('image', { image: still('harbour') }),
  ...['prompt1', 'prompt2', 'prompt3'].flatMap((id) => freeStep(id, { text: `${id} text` })),
]

/** The edit list a sequence reports stitching at 24 fps (all the timeline reads of it: the rate). */
export const EDIT_LIST_24 = { rate: { numerator: 24, denominator: 1 } }

/** A whole successful run of the starter: three shots, stitched at 24 fps, at $1.26. */
export function starterRun(): RunEventBody[] {
  return [
    runStarted(),
    ...inputsDone(),
    ...shotRun('shot1', 'req-1'),
    ...shotRun('shot2', 'req-2'),
    ...shotRun('shot3', 'req-3'),
    ...freeStep('sequence', { video: clip('sequence', 15.125), editList: EDIT_LIST_24 }),
    ...freeStep('out', { media: clip('sequence', 15.125) }),
    {
      type: 'run-finished',
      status: 'succeeded',
      spentUsd: 1.26,
      counts: { succeeded: 9, cached: 0, failed: 0, skipped: 0, cancelled: 0 },
    },
  ]
}
