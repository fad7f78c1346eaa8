import { createFalClient } from '@fal-ai/client'
import { emulatorFetch } from '../client/emulator-fetch.ts'
import {
  type FalEmulator,
  type FalEmulatorOptions,
  startFalEmulator,
} from '../server/start-fal-emulator.ts'
import { FAST_KNOBS } from './fast-knobs.ts'

/** A running emulator with the real client wired both ways fal can be reached. */
export interface TestEmulator {
  readonly emulator: FalEmulator
  /** Client whose `fetch` rewrites fal hosts to host-prefixed emulator paths. */
  readonly viaFetch: ReturnType<typeof createFalClient>
  /** Client using `proxyUrl: { url: <emulator>/proxy, when: 'always' }`. */
  readonly viaProxy: ReturnType<typeof createFalClient>
  /** The key both clients send (`options.apiKey`, else `test-key`). */
  readonly key: string
  /** Stores bytes on the emulator's CDN (initiate + PUT, no client involved); returns the URL. */
  upload(bytes: Uint8Array, contentType: string, fileName?: string): Promise<string>
}

/** Starts an emulator with {@link FAST_KNOBS} plus `options`. */
export async function startTestEmulator(options: FalEmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startFalEmulator({ ...FAST_KNOBS, ...options })
  const key = options.apiKey ?? 'test-key'
  const viaFetch = createFalClient({ credentials: key, fetch: emulatorFetch(emulator.url) })
  const viaProxy = createFalClient({
    credentials: key,
    proxyUrl: { url: `${emulator.url}/proxy`, when: 'always' },
  })
  const upload = async (bytes: Uint8Array, contentType: string, fileName = 'input.bin') => {
    const init = await fetch(
      `${emulator.url}/rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Key ${key}` },
        body: JSON.stringify({ content_type: contentType, file_name: fileName }),
      },
    )
    const { upload_url, file_url } = (await init.json()) as { upload_url: string; file_url: string }
    const put = await fetch(upload_url, {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body: new Blob([new Uint8Array(bytes)]),
    })
    if (!put.ok) throw new Error(`upload failed: HTTP ${put.status}`)
    return file_url
  }
  return { emulator, viaFetch, viaProxy, key, upload }
}
