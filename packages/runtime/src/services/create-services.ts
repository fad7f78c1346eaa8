import { dirname } from 'node:path'
import { createFalGateway, createMemoryUploadCache } from '@shotchain/fal'
import {
  emulatorFetch,
  type FalEmulator,
  type KnobsInput,
  startFalEmulator,
} from '@shotchain/fal-emulator'
import { createMediaTools } from '@shotchain/media'
import type { NodeServices } from '@shotchain/nodes'
import { openStore, resolveHome, type Store } from '@shotchain/store'
import { createFalServices } from './fal-services.ts'
import { createMediaServices } from './media-services.ts'

const refuseFetch = (() =>
  Promise.reject(new Error('this command does not call fal'))) as typeof fetch

/** Where fal is: the real one, an emulator someone else runs, or one started in this process. */
export type FalTarget =
  | { readonly kind: 'fal'; readonly key: string }
  | { readonly kind: 'emulator-url'; readonly url: string }
  | { readonly kind: 'embedded'; readonly knobs: KnobsInput }

/** Reads the fal target from the environment: `FAL_KEY`, else `SHOTCHAIN_FAL_EMULATOR_URL`, else embedded. */
export function falTargetFromEnv(env: NodeJS.ProcessEnv): FalTarget {
  if (env.FAL_KEY) return { kind: 'fal', key: env.FAL_KEY }
  if (env.SHOTCHAIN_FAL_EMULATOR_URL)
    return { kind: 'emulator-url', url: env.SHOTCHAIN_FAL_EMULATOR_URL }
  const knobs = env.SHOTCHAIN_EMULATOR_KNOBS
    ? (JSON.parse(env.SHOTCHAIN_EMULATOR_KNOBS) as KnobsInput)
    : {}
  return { kind: 'embedded', knobs }
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

export interface RunServices {
  readonly store: Store
  readonly nodeServices: NodeServices
  readonly falMode: 'fal' | 'emulator'
  close(): Promise<void>
}

/**
 * Builds everything a run needs: the store under the state folder, ffmpeg, and fal — started
 * in-process when there is no key. The key is only ever handed to the fal client.
 */
export async function createRunServices(options: {
  readonly env: NodeJS.ProcessEnv
  readonly workflowPath: string
  /** False for validate and estimate: nothing is sent to fal, so no emulator is started. */
  readonly withFal: boolean
}): Promise<RunServices> {
  const target = falTargetFromEnv(options.env)
  const store = openStore(resolveHome(options.env))
  let emulator: FalEmulator | undefined
  let gateway: ReturnType<typeof createFalGateway>
  if (!options.withFal) {
    gateway = createFalGateway({
      mode: target.kind === 'fal' ? 'fal' : 'emulator',
      fetch: refuseFetch,
    })
  } else if (target.kind === 'fal') {
    gateway = createFalGateway({ mode: 'fal', credentials: target.key, uploads: store.uploads })
  } else {
    let url: string
    if (target.kind === 'embedded') {
      emulator = await startFalEmulator(target.knobs)
      url = emulator.url
    } else {
      url = target.url
    }
    gateway = createFalGateway({
      mode: 'emulator',
      credentials: 'emulator',
      fetch: emulatorFetch(url),
      pollIntervalMs: 250,
      // An embedded emulator's files vanish with it: its upload URLs must not outlive the process.
      uploads: target.kind === 'embedded' ? createMemoryUploadCache() : store.uploads,
    })
  }
  const media = createMediaServices(store, createMediaTools(), dirname(options.workflowPath))
  return {
    store,
    nodeServices: { media, fal: createFalServices(gateway, store) },
    falMode: gateway.mode,
    async close() {
      await emulator?.stop()
      store.close()
    },
  }
}
