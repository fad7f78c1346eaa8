import { dirname } from 'node:path'
import { createMediaTools } from '@shotchain/media'
import type { NodeServices } from '@shotchain/nodes'
import { openStore, resolveDatabaseUrl, resolveHome, type Store } from '@shotchain/store'
import { withPackServices } from '../packs/app-registry.ts'
import type { LoadedPack } from '../packs/load-packs.ts'
import { connectFal } from './fal-connection.ts'
import { createFalServices } from './fal-services.ts'
import { falTargetFromEnv } from './fal-target.ts'
import type { ReadImageFacts } from './image-facts.ts'
import { createMediaServices } from './media-services.ts'

export interface RunServices {
  readonly store: Store
  readonly nodeServices: NodeServices
  readonly falMode: 'fal' | 'emulator'
  /** Local images' headers, read like the media services read them: `planWorkflow`'s `imageFacts`. */
  readonly readImageFacts: ReadImageFacts
  close(): Promise<void>
}

/**
 * Builds everything one CLI run needs: the store under the state folder (its tables in the
 * PostgreSQL database `SHOTCHAIN_DATABASE_URL` names, when set), ffmpeg, and fal — started
 * in-process when there is no key. The key is only ever handed to the fal client. A long-lived
 * process (the server) composes {@link connectFal} and the services itself instead.
 */
export async function createRunServices(options: {
  readonly env: NodeJS.ProcessEnv
  readonly workflowPath: string
  /** False for validate and estimate: nothing is sent to fal, so no emulator is started. */
  readonly withFal: boolean
  /** Loaded node packs whose services join the built-in ones. */
  readonly packs?: readonly LoadedPack[]
}): Promise<RunServices> {
  const store = openStore(resolveHome(options.env), {
    databaseUrl: resolveDatabaseUrl(options.env),
  })
  const fal = await connectFal(falTargetFromEnv(options.env), store, { withFal: options.withFal })
  const media = createMediaServices(store, createMediaTools(), {
    baseDir: dirname(options.workflowPath),
  })
  return {
    store,
    nodeServices: withPackServices(
      { media, fal: createFalServices(fal.gateway, store) },
      options.packs ?? [],
    ),
    falMode: fal.gateway.mode,
    readImageFacts: media.readImageFacts,
    async close() {
      await fal.close()
      store.close()
    },
  }
}
