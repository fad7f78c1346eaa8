export { appRegistry, withPackServices } from './packs/app-registry.ts'
export {
  type LoadedPack,
  loadPacks,
  PACKS_ENV,
  packEntry,
  packFolders,
} from './packs/load-packs.ts'
export { nodeHash, type PlanWorkflowResult, planWorkflow } from './plan/plan-workflow.ts'
export { createRunServices, type RunServices } from './services/create-services.ts'
export { connectFal, type FalConnection } from './services/fal-connection.ts'
export { createFalServices } from './services/fal-services.ts'
export { describeFalTarget, type FalTarget, falTargetFromEnv } from './services/fal-target.ts'
export type { LocalImageFacts, ReadImageFacts } from './services/image-facts.ts'
export { isInside, type LocalFiles } from './services/local-files.ts'
export { createMediaServices, type LocalMediaServices } from './services/media-services.ts'
