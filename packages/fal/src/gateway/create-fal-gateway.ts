import { createFalClient } from '@fal-ai/client'
import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { forgetDeadUploads, type SubmittedUrls, urlsOf } from './dead-uploads.ts'
import { createGuardedFetch } from './guarded-fetch.ts'
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy, sleep } from './retry-policy.ts'
import { SubmitFailure } from './submit-failure.ts'
import { toShotchainError } from './to-shotchain-error.ts'
import {
  createMemoryUploadCache,
  createUploadOnce,
  type FileToUpload,
  type UploadCache,
} from './upload-once.ts'
import { type WaitOptions, waitForResult } from './wait-for-result.ts'

/** Everything the nodes may do with fal. Every failure is a `ShotchainError` with a catalogue code. */
export interface FalGateway {
  /** `fal` with a key; `emulator` when wired to the local emulator. */
  readonly mode: 'fal' | 'emulator'
  /**
   * Queues a job and resolves with its request id as soon as fal accepted it, so the caller can
   * journal it before waiting. Never repeats a submit that may have reached fal: that fails with
   * `ambiguous-submit`. Retries only what surely queued nothing (refused connection, 429).
   */
  submit(
    endpoint: string,
    input: Record<string, unknown>,
    options?: { signal?: AbortSignal },
  ): Promise<string>
  /**
   * Waits for a job, new or submitted by an earlier run (the resume path), reporting queue
   * position and logs; resolves with its output. Aborting cancels the job at fal.
   */
  wait(endpoint: string, requestId: string, options?: WaitOptions): Promise<unknown>
  /** Asks fal to cancel a job; a job already finished is left as it is. */
  cancel(endpoint: string, requestId: string): Promise<'cancelled' | 'already-completed'>
  /**
   * Puts a file in fal storage once per content hash; resolves with its URL. An upload fal later
   * fails to download (a wait rejected for `file_download_error`, marked `retryable`) is forgotten,
   * so the next call sends the bytes again.
   */
  upload(file: FileToUpload): Promise<string>
}

export interface FalGatewayOptions {
  readonly mode: 'fal' | 'emulator'
  /** `FAL_KEY`. Never sent anywhere but fal. */
  readonly credentials?: string
  /** The transport: the platform fetch for fal, the emulator's router offline. */
  readonly fetch?: typeof fetch
  readonly retry?: RetryPolicy
  /** Milliseconds between status polls (fal's client uses 500). */
  readonly pollIntervalMs?: number
  /**
   * How long the result of a COMPLETED job is tried again through 5xx, timeouts and dropped
   * connections before the wait gives up (the request stays journaled). Default 15 minutes.
   */
  readonly resultPatienceMs?: number
  readonly uploads?: UploadCache
  /** How long an uploaded file's URL is trusted (fal storage expires). Default 6 h. */
  readonly uploadMaxAgeMs?: number
  readonly now?: () => number
}

/**
 * Builds the gateway over the unmodified `@fal-ai/client`, with our retry policy in its fetch.
 *
 * @example
 * const fal = createFalGateway({ mode: 'fal', credentials: process.env.FAL_KEY })
 * const id = await fal.submit(KLING_O1_ENDPOINTS.standard, input)
 * await journal.record(key, id)
 * const output = await fal.wait(KLING_O1_ENDPOINTS.standard, id, { onProgress })
 */
export function createFalGateway(options: FalGatewayOptions): FalGateway {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY
  const client = createFalClient({
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    fetch: createGuardedFetch(options.fetch ?? fetch, policy),
  })
  const cancel = async (endpoint: string, requestId: string) => {
    try {
      await client.queue.cancel(endpoint, { requestId })
      return 'cancelled' as const
    } catch (error) {
      const status = (error as { status?: unknown }).status
      if (status === 400) return 'already-completed' as const
      throw toShotchainError(error, `cancel of ${requestId}`)
    }
  }
  const uploads = createUploadOnce(
    async (file) => {
      const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.contentType })
      const named = new File([blob], file.fileName, { type: file.contentType })
      return client.storage.upload(named).catch((error: unknown) => {
        throw toShotchainError(error, `upload of ${file.fileName}`)
      })
    },
    options.uploads ?? createMemoryUploadCache(),
    { maxAgeMs: options.uploadMaxAgeMs ?? 6 * 3600_000, now: options.now ?? Date.now },
  )
  // Each job's input URLs until its wait ends: a 422 file_download_error names the field.
  const submitted = new Map<string, SubmittedUrls>()
  return {
    mode: options.mode,
    async submit(endpoint, input, submitOptions = {}) {
      const { signal } = submitOptions
      for (let attempt = 0; ; attempt++) {
        try {
          const queued = await client.queue.submit(endpoint, {
            input,
            ...(signal ? { abortSignal: signal } : {}),
          })
          if (typeof queued.request_id !== 'string' || queued.request_id === '') {
            throw new ShotchainError(
              ERROR_CODES.ambiguousSubmit,
              'fal accepted the submit without a request id',
            )
          }
          submitted.set(queued.request_id, urlsOf(input))
          return queued.request_id
        } catch (error) {
          const failure = toShotchainError(error, `submit to ${endpoint}`)
          // Only failures that surely queued nothing (SubmitFailure says which) are tried again.
          const again =
            error instanceof SubmitFailure && error.retryable && attempt < policy.attempts - 1
          if (!again || signal?.aborted) throw failure
          await sleep(backoffDelay(policy, attempt), signal)
        }
      }
    },
    wait: (endpoint, requestId, waitOptions) =>
      waitForResult(
        {
          client,
          pollIntervalMs: options.pollIntervalMs ?? 1000,
          retry: policy,
          resultPatienceMs: options.resultPatienceMs ?? 15 * 60_000,
          now: options.now ?? Date.now,
          cancel,
        },
        endpoint,
        requestId,
        waitOptions,
      )
        .catch((error: unknown) => {
          throw forgetDeadUploads(error, submitted.get(requestId), uploads)
        })
        .finally(() => submitted.delete(requestId)),
    cancel,
    upload: uploads.upload,
  }
}
