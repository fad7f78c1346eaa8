export {
  FAL_SCHEMA_URL,
  type ModelShelf,
  openModelShelf,
  type ShelfModel,
} from './models/model-shelf.ts'
export { appRegistry, withPackServices } from './packs/app-registry.ts'
export { type LoadedPack, loadPacks } from './packs/load-packs.ts'
export { PACKS_ENV, packEntry, packFolders } from './packs/pack-files.ts'
export { nodeHash, type PlanWorkflowResult, planWorkflow } from './plan/plan-workflow.ts'
export { createRunServices, type RunServices } from './services/create-services.ts'
export { connectFal, type FalConnection } from './services/fal-connection.ts'
export { createFalServices } from './services/fal-services.ts'
export { describeFalTarget, type FalTarget, falTargetFromEnv } from './services/fal-target.ts'
export type { LocalImageFacts, ReadImageFacts } from './services/image-facts.ts'
export { isInside, type LocalFiles } from './services/local-files.ts'
export { createMediaServices, type LocalMediaServices } from './services/media-services.ts'
