// The pure part of this package: Kling O1's endpoints, prices, limits and pre-flight, with no
// fal client, no node:* and no ffmpeg, so the pure node pack can use it.

export { type ImageFacts, type ImageHeader, imageProblem } from '../preflight/image-problem.ts'
export { type KlingPreflightInput, preflightKling } from '../preflight/preflight-kling.ts'
export {
  KLING_O1_ENDPOINTS,
  KLING_O1_LIMITS,
  KLING_O1_PRICE_PER_SECOND,
  type KlingO1Output,
  type KlingO1Request,
  type KlingTier,
  klingO1Cost,
  klingO1Input,
} from './kling-o1.ts'
