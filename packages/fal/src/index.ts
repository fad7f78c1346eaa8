export {
  createFalGateway,
  type FalGateway,
  type FalGatewayOptions,
} from './gateway/create-fal-gateway.ts'
export { classifyCall, createGuardedFetch } from './gateway/guarded-fetch.ts'
export {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  sleep,
} from './gateway/retry-policy.ts'
export { type FalErrorDetail, fieldOf, toShotchainError } from './gateway/to-shotchain-error.ts'
export {
  createMemoryUploadCache,
  type FileToUpload,
  type UploadCache,
} from './gateway/upload-once.ts'
export type { FalProgress, WaitOptions } from './gateway/wait-for-result.ts'
export { factsOfBytes, factsOfUrl } from './preflight/check-image.ts'
