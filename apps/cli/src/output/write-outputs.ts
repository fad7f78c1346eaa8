import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type RunEvent, type RunPlan, type RunResult, sumUsd } from '@shotchain/engine'
import { outputNameOf } from '@shotchain/graph'
import type { MediaRef } from '@shotchain/nodes'
import { extensionFor, type Store } from '@shotchain/store'
import { seamRecords } from './seam-records.ts'
import { type TakeRecord, takeRecords } from './take-records.ts'
import { type EditListFiles, writeEditList } from './write-edit-list.ts'

/** One shot in the manifest: what was asked, what it was made from, and what it cost. */
export interface ShotRecord {
  readonly node: string
  /** Its node type (which model made it). */
  readonly type: string
  readonly prompt: string | undefined
  /** The content hash of the image reaching each image input (e.g. `start`, `end`). */
  readonly inputs: Readonly<Record<string, string | undefined>>
  readonly requestId: string | undefined
  readonly durationSec: number
  /** What its pack says of its params (`describe`), e.g. Kling's `tier`, spread in. */
  readonly [fact: string]: unknown
  /**
   * What its clip cost, whichever run paid for it (the spend ledger's records of its request);
   * with takes, what they all cost.
   */
  readonly costUsd: number
  /** What this run committed for it, takes included (0 when cached or re-attached). */
  readonly spentUsd: number
  readonly cached: boolean
  readonly video: string | undefined
  /** A shot made several times: every take, the picked one's clip being `video`. */
  readonly takes?: readonly TakeRecord[]
}

/**
 * Writes every output node's file into `outDir` (named after the node's `name`), beside a
 * sequence's the clips (`clips/`) and its edit list (`.otio`, `.edl`), and a `manifest.json`
 * with one record per shot and the seams the sequences measured. Returns the paths written.
 */
export async function writeOutputs(options: {
  readonly outDir: string
  readonly plan: RunPlan
  /** A plan made after the run that targets every shot and what feeds it (see shotRecords). */
  readonly shotPlan: RunPlan
  readonly result: RunResult
  readonly events: readonly RunEvent[]
  readonly store: Store
}): Promise<string[]> {
  const { outDir, plan, shotPlan, result, events, store } = options
  await mkdir(outDir, { recursive: true })
  const written: string[] = []
  const files: Record<string, string> = {}
  const editList: Record<string, EditListFiles> = {}
  for (const node of plan.nodes) {
    const role = node.spec.role?.kind === 'output' ? node.spec.role : undefined
    if (role === undefined) continue
    const media = result.outputs.get(node.id)?.[role.media] as MediaRef | undefined
    const from = media && store.media.pathOf(media.hash)
    if (media === undefined || from === undefined) continue
    const stem = outputNameOf({ id: node.id, params: node.params as Record<string, unknown> }, role)
    const name = `${stem}${extensionFor(media.contentType)}`
    await copyFile(from, join(outDir, name))
    files[node.id] = name
    written.push(join(outDir, name))
    const edits = await writeEditList({ outDir, stem, output: node, plan, result, store })
    if (edits !== undefined) {
      editList[node.id] = edits
      written.push(join(outDir, edits.otio), join(outDir, edits.edl))
    }
  }
  const shots = shotRecords(plan, shotPlan, events, (requestId) =>
    sumUsd(store.spends.ofRequest(requestId).map((r) => r.usd)),
  )
  const manifest = {
    workflow: plan.doc.name,
    status: result.status,
    // What this run committed (failed shots included), and what the clips cost in all.
    spentUsd: store.spends.spentBy(result.runId),
    costUsd: sumUsd(shots.map((shot) => shot.costUsd)),
    files,
    // Per output showing a sequence: its OTIO timeline and CMX 3600 EDL, over `clips/`.
    editList,
    shots,
    // What each sequence measured at its cuts, and each shot's drift from the first picture.
    ...seamRecords(plan, result),
  }
  const manifestPath = join(outDir, 'manifest.json')
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  written.push(manifestPath)
  return written
}

/**
 * One record per shot of the document (its pack declares the shot role), whether it ran now or
 * came from the cache:
 * `shotPlan` is a plan (after the run) targeting every shot and what feeds it, so its cached
 * entries give each shot's video, request id and input hashes.
 */
function shotRecords(
  plan: RunPlan,
  shotPlan: RunPlan,
  events: readonly RunEvent[],
  costOf: (requestId: string) => number,
): ShotRecord[] {
  const requestIds = new Map<string, string>()
  const spent = new Map<string, number>()
  for (const event of events) {
    if (event.type === 'node-submitted') {
      requestIds.set(event.nodeId, event.requestId)
      spent.set(event.nodeId, sumUsd([spent.get(event.nodeId) ?? 0, event.costUsd]))
    }
    if (event.type === 'node-started' && event.resumeRequestId)
      requestIds.set(event.nodeId, event.resumeRequestId)
  }
  const ranNow = new Map(plan.nodes.filter((n) => n.action === 'run').map((n) => [n.id, n]))
  const planned = new Map(shotPlan.nodes.map((n) => [n.id, n]))
  return plan.doc.nodes.flatMap((doc) => {
    const node = planned.get(doc.id)
    const role = node?.spec.role?.kind === 'shot' ? node.spec.role : undefined
    if (node === undefined || role === undefined) return []
    const arriving = (port: string) => {
      const source = node.inputs.find((i) => i.port === port)?.sources[0]
      return source && planned.get(source.node)?.outputs?.[source.port]
    }
    const inputs = Object.entries(node.spec.inputs)
      .filter(([, input]) => input.type === 'image')
      .map(([port]) => [port, (arriving(port) as MediaRef | undefined)?.hash])
    const prompt = role.prompt === undefined ? undefined : arriving(role.prompt)
    const outputs = node.outputs
    const requestId = (outputs?.requestId as string | undefined) ?? requestIds.get(doc.id)
    const takes = takeRecords(doc, role.video, {
      outputsOf: (id) => planned.get(id)?.outputs,
      requestIdOf: (id) => requestIds.get(id),
      costOf,
      spentOf: (id) => spent.get(id) ?? 0,
      ranNow: (id) => ranNow.has(id),
    })
    const shotCost = requestId === undefined ? 0 : costOf(requestId)
    return [
      {
        node: doc.id,
        type: doc.type,
        prompt: typeof prompt === 'string' ? prompt : undefined,
        inputs: Object.fromEntries(inputs),
        requestId,
        durationSec: role.durationSec(node.params),
        ...role.describe?.(node.params),
        // With takes: what every take cost and this run committed for them.
        costUsd: takes ? sumUsd(takes.map((t) => t.costUsd)) : shotCost,
        spentUsd: takes ? sumUsd(takes.map((t) => t.spentUsd)) : (spent.get(doc.id) ?? 0),
        cached: !ranNow.has(doc.id),
        video: (outputs?.[role.video] as MediaRef | undefined)?.hash,
        ...(takes === undefined ? {} : { takes }),
      },
    ]
  })
}
