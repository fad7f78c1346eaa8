import type { MediaLimits, ModelKind, PriceRule, Source } from '../model/fal-model.ts'

/** One bundled endpoint: fal's OpenAPI document and what the catalog knows beside it. */
export interface CatalogEntry {
  readonly endpointId: string
  readonly kind: ModelKind
  readonly title: string
  readonly description: string
  readonly price?: PriceRule
  readonly priceSource?: Source
  readonly schemaSource: Source
  /** Input limits fal's schema does not state, by field (known-limits table). */
  readonly limits?: Readonly<Record<string, MediaLimits>>
  readonly openapi: Readonly<Record<string, unknown>>
}
