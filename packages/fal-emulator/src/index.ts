export { emulatorFetch, rewriteFalUrl } from './client/emulator-fetch.ts'
export {
  DEFAULT_KNOBS,
  type EmulatorKnobs,
  type FailureRates,
  type FaultKind,
  type KnobsInput,
  ROUTE_NAMES,
  type RouteName,
  type ScriptedFault,
} from './config/knobs.ts'
export { type EmulatorLogger, silentLogger } from './config/logger.ts'
export { FFMPEG_EXTRACT_FRAME } from './endpoints/extract-frame.ts'
export type { FalErrorDetail } from './endpoints/fal-errors.ts'
export { IMAGE_LIMITS } from './endpoints/image-input.ts'
export {
  KLING_DURATIONS,
  KLING_O1_PRO_I2V,
  KLING_O1_STANDARD_I2V,
} from './endpoints/kling-image-to-video.ts'
export type {
  EmulatorMedia,
  ImageHeaderInfo,
  SignalOption,
  StillSpec,
  TransitionSpec,
  VideoInfo,
} from './endpoints/media-port.ts'
export { FFMPEG_MERGE_VIDEOS } from './endpoints/merge-videos.ts'
export type { RequestLog } from './queue/job.ts'
export type { WebhookBody } from './queue/webhook.ts'
export { OPENAPI_PATH } from './server/openapi-route.ts'
export {
  type FalEmulator,
  type FalEmulatorOptions,
  startFalEmulator,
} from './server/start-fal-emulator.ts'
export type { EmulatorStats } from './stats/emulator-stats.ts'
export { FolderInUseError } from './storage/folder-lock.ts'
