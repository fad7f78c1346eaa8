export {
  CATALOG_ENTRIES,
  catalogModel,
  catalogModels,
  modelOfEntry,
  modelOfSchema,
  searchModels,
} from './catalog/catalog.ts'
export type { CatalogEntry } from './catalog/catalog-entry.ts'
export { falOpenApi } from './catalog/openapi-doc.ts'
export type {
  BooleanField,
  EnumField,
  FalModel,
  ImageSizeField,
  MediaField,
  MediaKind,
  MediaLimits,
  ModelField,
  ModelKind,
  ModelOutput,
  NumberField,
  PriceRate,
  PriceRule,
  Source,
  TextField,
} from './model/fal-model.ts'
export {
  IMAGE_SIZE_PRESETS,
  megapixels,
  pixelsOf,
  priceOf,
  secondsOf,
  unitsOf,
  type WireParams,
} from './price/price-of.ts'
export { type ImageFacts, limitProblem, limitsOf } from './schema/media-limits.ts'
export { type OpenApiModel, readOpenApi, SchemaError, titleOf } from './schema/read-openapi.ts'
