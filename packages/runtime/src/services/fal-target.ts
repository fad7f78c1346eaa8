import type { KnobsInput } from '@shotchain/fal-emulator'

/** Where fal is: the real one, an emulator someone else runs, or one started in this process. */
export type FalTarget =
  | { readonly kind: 'fal'; readonly key: string }
  /** `key`: the emulator's `--api-key`, if it was started with one. */
  | { readonly kind: 'emulator-url'; readonly url: string; readonly key?: string }
  | { readonly kind: 'embedded'; readonly knobs: KnobsInput }

/**
 * Reads the fal target from the environment: `FAL_KEY`, else `SHOTCHAIN_FAL_EMULATOR_URL` (with
 * `SHOTCHAIN_FAL_EMULATOR_KEY` when that emulator takes one key only), else embedded.
 */
export function falTargetFromEnv(env: NodeJS.ProcessEnv): FalTarget {
  if (env.FAL_KEY) return { kind: 'fal', key: env.FAL_KEY }
  if (env.SHOTCHAIN_FAL_EMULATOR_URL) {
    const key = env.SHOTCHAIN_FAL_EMULATOR_KEY
    return { kind: 'emulator-url', url: env.SHOTCHAIN_FAL_EMULATOR_URL, ...(key ? { key } : {}) }
  }
  return { kind: 'embedded', knobs: readKnobs(env.SHOTCHAIN_EMULATOR_KNOBS) }
}

function readKnobs(text: string | undefined): KnobsInput {
  if (text === undefined || text === '') return {}
  try {
    return JSON.parse(text) as KnobsInput
  } catch {
    throw new Error(
      `SHOTCHAIN_EMULATOR_KNOBS is not JSON (e.g. {"runLatencyMs": 500}): ${text.slice(0, 80)}`,
    )
  }
}

/** One sentence for the first line of output: which fal this run pays, if any. */
export function describeFalTarget(target: FalTarget): string {
  switch (target.kind) {
    case 'fal':
      return 'fal.ai (FAL_KEY is set): runs are billed by fal'
    case 'emulator-url':
      return `fal emulator at ${target.url} (no FAL_KEY): clips are synthetic transitions, nothing is billed`
    case 'embedded':
      return 'offline emulator (no FAL_KEY): clips are synthetic transitions, nothing is billed'
  }
}
