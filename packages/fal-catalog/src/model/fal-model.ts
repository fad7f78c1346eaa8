/** What a fal endpoint makes, as the palette groups it. */
export type ModelKind =
  | 'text-to-image'
  | 'image-to-video'
  | 'image-edit'
  | 'text-to-audio'
  | 'other'

/** The media kinds fal marks on file fields. */
export type MediaKind = 'image' | 'video' | 'audio'

/**
 * What fal would refuse in an input file, from the schema (description text or `x-fal`) or the
 * catalog's known-limits table. Every bound is optional.
 */
export interface MediaLimits {
  readonly maxBytes?: number
  readonly minWidth?: number
  readonly minHeight?: number
  readonly maxWidth?: number
  readonly maxHeight?: number
  /** Orientation-free: min(w, h) / max(w, h) must be at least `1 / maxAspect` and so on. */
  readonly minAspect?: number
  readonly maxAspect?: number
}

interface FieldBase {
  /** fal's name on the wire, e.g. `start_image_url`. */
  readonly name: string
  readonly title: string
  readonly description?: string
  readonly required: boolean
  readonly default?: unknown
}

/** An input file: one URL, or a list of them (`image_urls`). */
export interface MediaField extends FieldBase {
  readonly kind: 'media'
  readonly media: MediaKind
  readonly list: boolean
  readonly limits?: MediaLimits
}

export interface TextField extends FieldBase {
  readonly kind: 'text'
  readonly minLength?: number
  readonly maxLength?: number
}

/** A closed set of values, strings or numbers (fal's durations are both). */
export interface EnumField extends FieldBase {
  readonly kind: 'enum'
  readonly values: readonly (string | number)[]
}

export interface NumberField extends FieldBase {
  readonly kind: 'number'
  readonly integer: boolean
  readonly min?: number
  readonly max?: number
}

export interface BooleanField extends FieldBase {
  readonly kind: 'boolean'
}

/** fal's `image_size`: a preset name or `{width, height}`. */
export interface ImageSizeField extends FieldBase {
  readonly kind: 'image-size'
  readonly presets: readonly string[]
  readonly maxSide?: number
}

/** A field of the schema a node does not offer (objects, arrays of objects…); never sent. */
export interface OtherField extends FieldBase {
  readonly kind: 'other'
}

export type ModelField =
  | MediaField
  | TextField
  | EnumField
  | NumberField
  | BooleanField
  | ImageSizeField
  | OtherField

/** A file in the result: `video`, `image`, `audio` or a list such as `images`. */
export interface ModelOutput {
  readonly name: string
  readonly media: MediaKind
  readonly list: boolean
}

/** Where a catalog fact came from: a page or file, and the date it shows or was seen. */
export interface Source {
  readonly url: string
  readonly date?: string
  readonly note?: string
}

/**
 * How an endpoint bills, in US dollars. Per second of output (`seconds` names the duration
 * field), per image (`count` names the image-count field) or per megapixel of output rounded up
 * (1 MP = 1024 × 1024 px). `rates` pick another price when params match (Veo: audio, 4k).
 */
export type PriceRule =
  | {
      readonly unit: 'second'
      readonly usd: number
      readonly seconds: string
      readonly rates?: readonly PriceRate[]
    }
  | { readonly unit: 'image'; readonly usd: number; readonly count?: string }
  | {
      readonly unit: 'megapixel'
      readonly usd: number
      readonly size: string
      readonly count?: string
    }

/** A price that applies when every param named in `when` has that value. */
export interface PriceRate {
  readonly when: Readonly<Record<string, string | number | boolean>>
  readonly usd: number
}

/** One fal endpoint, read from its OpenAPI schema, with what the catalog adds. */
export interface FalModel {
  readonly endpointId: string
  readonly kind: ModelKind
  readonly title: string
  /** One line for the palette. */
  readonly description: string
  /** Inputs in fal's order (`x-fal-order-properties`). */
  readonly inputs: readonly ModelField[]
  readonly outputs: readonly ModelOutput[]
  /** Undefined: the price is unknown (estimated as "unknown"; a budgeted run must allow it). */
  readonly price?: PriceRule
  readonly priceSource?: Source
  readonly schemaSource?: Source
}
