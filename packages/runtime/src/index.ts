export {
  createRunServices,
  describeFalTarget,
  type FalTarget,
  falTargetFromEnv,
  type RunServices,
} from './services/create-services.ts'
export { createFalServices } from './services/fal-services.ts'
export { createMediaServices } from './services/media-services.ts'
