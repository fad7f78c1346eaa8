export {
  KLING_O1_ENDPOINTS,
  KLING_O1_LIMITS,
  KLING_O1_PRICE_PER_SECOND,
  type KlingO1Output,
  type KlingO1Request,
  type KlingTier,
  klingO1Cost,
  klingO1Input,
} from './model/kling-o1.ts'
export { type ImageFacts, type ImageHeader, imageProblem } from './preflight/image-problem.ts'
export { type KlingPreflightInput, preflightKling } from './preflight/preflight-kling.ts'
