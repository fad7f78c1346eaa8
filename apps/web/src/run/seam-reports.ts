import type { DriftReport, SeamReport, SequenceRole, StillRef } from '@shotchain/graph'

type Outputs = Readonly<Record<string, unknown>> | undefined

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

const listAt = (outputs: Outputs, key: string | undefined): unknown[] => {
  const value = key === undefined ? undefined : outputs?.[key]
  return Array.isArray(value) ? value : []
}

const stillOf = (value: unknown): StillRef | undefined =>
  isObject(value) && typeof value.hash === 'string' && typeof value.contentType === 'string'
    ? { hash: value.hash, contentType: value.contentType }
    : undefined

/**
 * What the sequence measured at each cut, as its result holds them under its role's `seams`,
 * by `from`; entries that are not seam reports are left out. Empty when the role names no seams.
 */
export function seamsOf(outputs: Outputs, role: SequenceRole): Map<number, SeamReport> {
  const seams = new Map<number, SeamReport>()
  for (const entry of listAt(outputs, role.seams)) {
    if (!isObject(entry) || !Number.isSafeInteger(entry.from)) continue
    if (!isNumber(entry.ssim) || !isNumber(entry.deltaE)) continue
    const outgoing = stillOf(entry.outgoing)
    const incoming = stillOf(entry.incoming)
    const problems = Array.isArray(entry.problems)
      ? entry.problems.filter((p): p is string => typeof p === 'string' && p !== '')
      : []
    seams.set(entry.from as number, {
      from: entry.from as number,
      ssim: entry.ssim,
      psnr: isNumber(entry.psnr) ? entry.psnr : null,
      deltaE: entry.deltaE,
      flagged: entry.flagged === true,
      ...(problems.length > 0 ? { problems } : {}),
      droppedRepeat: entry.droppedRepeat === true,
      ...(outgoing ? { outgoing } : {}),
      ...(incoming ? { incoming } : {}),
    })
  }
  return seams
}

/** Each clip's drift from the first picture (its role's `drift`), by clip. */
export function driftOf(outputs: Outputs, role: SequenceRole): Map<number, DriftReport> {
  const drift = new Map<number, DriftReport>()
  for (const entry of listAt(outputs, role.drift)) {
    if (!isObject(entry) || !Number.isSafeInteger(entry.clip)) continue
    if (!isNumber(entry.ssim) || !isNumber(entry.deltaE)) continue
    drift.set(entry.clip as number, {
      clip: entry.clip as number,
      ssim: entry.ssim,
      deltaE: entry.deltaE,
    })
  }
  return drift
}

/**
 * The frames per second the sequence counts its clips in: the rate of the edit list it stitched
 * (its role's `editList`, `{ rate: { numerator, denominator } }`); undefined until a run of it
 * said (a clip's file tells no rate the page can read, and trims are counted in this one).
 */
export function frameRateOf(outputs: Outputs, role: SequenceRole): number | undefined {
  const list = role.editList === undefined ? undefined : outputs?.[role.editList]
  const rate = isObject(list) && isObject(list.rate) ? list.rate : undefined
  const { numerator, denominator } = rate ?? {}
  return isNumber(numerator) && isNumber(denominator) && numerator > 0 && denominator > 0
    ? numerator / denominator
    : undefined
}
