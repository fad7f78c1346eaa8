import type { PlannedNode, RunPlan, RunResult } from '@shotchain/engine'
import type { DriftReport, SeamReport, SequenceRole } from '@shotchain/graph'

/** One cut of a sequence in the manifest, between the shots either side (by node id). */
export interface SeamRecord {
  readonly sequence: string
  readonly from: string
  readonly to: string
  readonly ssim: number
  readonly psnr: number | null
  readonly deltaE: number
  readonly flagged: boolean
  /** Why it is flagged, one sentence per figure past its threshold. */
  readonly problems: readonly string[]
  /** The incoming shot's first frame repeated the outgoing shot's last and was dropped. */
  readonly droppedRepeat: boolean
}

/** How far one shot's first frame played has drifted from the sequence's first picture. */
export interface DriftRecord {
  readonly sequence: string
  readonly shot: string
  readonly ssim: number
  readonly deltaE: number
}

const round = (value: number, places: number) => Number(value.toFixed(places))

/** The nodes feeding a sequence's clips, in play order (the clips' labels in every record). */
export function clipSources(sequence: PlannedNode, role: SequenceRole): string[] {
  return sequence.inputs.find((i) => i.port === role.clips)?.sources.map((s) => s.node) ?? []
}

/**
 * The seams and drift every sequence of the run measured (its role names the result keys), with
 * clips named by the node feeding them in edge order. Sequences that measure nothing add nothing.
 */
export function seamRecords(
  plan: RunPlan,
  result: RunResult,
): { seams: SeamRecord[]; drift: DriftRecord[] } {
  const seams: SeamRecord[] = []
  const drift: DriftRecord[] = []
  for (const node of plan.nodes) {
    const role = node.spec.role
    if (role?.kind !== 'sequence') continue
    const outputs = result.outputs.get(node.id)
    const shots = clipSources(node, role)
    const shot = (k: number) => shots[k] ?? `clip ${k + 1}`
    const measured = (role.seams && outputs?.[role.seams]) as readonly SeamReport[] | undefined
    for (const seam of measured ?? []) {
      seams.push({
        sequence: node.id,
        from: shot(seam.from),
        to: shot(seam.from + 1),
        ssim: round(seam.ssim, 4),
        psnr: seam.psnr === null ? null : round(seam.psnr, 2),
        deltaE: round(seam.deltaE, 2),
        flagged: seam.flagged,
        problems: seam.problems ?? [],
        droppedRepeat: seam.droppedRepeat,
      })
    }
    const drifted = (role.drift && outputs?.[role.drift]) as readonly DriftReport[] | undefined
    for (const d of drifted ?? []) {
      drift.push({
        sequence: node.id,
        shot: shot(d.clip),
        ssim: round(d.ssim, 4),
        deltaE: round(d.deltaE, 2),
      })
    }
  }
  return { seams, drift }
}
