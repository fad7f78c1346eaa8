import type { FalModel, ModelKind } from '../model/fal-model.ts'
import { readOpenApi } from '../schema/read-openapi.ts'
import type { CatalogEntry } from './catalog-entry.ts'
import { AUDIO_ENTRIES } from './entries/audio.ts'
import { EDIT_ENTRIES } from './entries/edit.ts'
import { FLUX_ENTRIES } from './entries/flux.ts'
import { KLING_ENTRIES } from './entries/kling.ts'
import { VEO_ENTRIES } from './entries/veo.ts'

/** The bundled entries, as fal's documents: what the emulator serves at its OpenAPI route. */
export const CATALOG_ENTRIES: readonly CatalogEntry[] = [
  ...FLUX_ENTRIES,
  ...EDIT_ENTRIES,
  ...KLING_ENTRIES,
  ...VEO_ENTRIES,
  ...AUDIO_ENTRIES,
]

let models: readonly FalModel[] | undefined

/** Every bundled model, read from its schema; works offline. */
export function catalogModels(): readonly FalModel[] {
  models ??= CATALOG_ENTRIES.map(modelOfEntry)
  return models
}

/** The bundled model of an endpoint id, or undefined. */
export function catalogModel(endpointId: string): FalModel | undefined {
  return catalogModels().find((m) => m.endpointId === endpointId)
}

/** Reads an entry's schema and adds the catalog's own facts (kind, price, known limits). */
export function modelOfEntry(entry: CatalogEntry): FalModel {
  const read = readOpenApi(entry.openapi, entry.endpointId)
  const inputs = read.inputs.map((field) => {
    const known = entry.limits?.[field.name]
    return known === undefined || field.kind !== 'media'
      ? field
      : { ...field, limits: { ...known, ...field.limits } }
  })
  return {
    endpointId: entry.endpointId,
    kind: entry.kind,
    title: entry.title,
    description: entry.description,
    inputs,
    outputs: read.outputs,
    ...(entry.price === undefined ? {} : { price: entry.price }),
    ...(entry.priceSource === undefined ? {} : { priceSource: entry.priceSource }),
    schemaSource: entry.schemaSource,
  }
}

/**
 * A model read from a schema fetched by endpoint id (not bundled): no price, so its estimate
 * is unknown; its kind from fal's category.
 */
export function modelOfSchema(endpointId: string, openapi: unknown): FalModel {
  const read = readOpenApi(openapi, endpointId)
  return {
    endpointId,
    kind: kindOfCategory(read.category, read),
    title: read.title ?? endpointId,
    description: `${read.category ?? 'fal model'} (schema fetched from fal; price unknown)`,
    inputs: read.inputs,
    outputs: read.outputs,
  }
}

function kindOfCategory(
  category: string | undefined,
  read: { inputs: FalModel['inputs']; outputs: FalModel['outputs'] },
): ModelKind {
  if (category === 'text-to-image') return 'text-to-image'
  if (category === 'image-to-video') return 'image-to-video'
  if (category === 'image-to-image') return 'image-edit'
  if (category === 'text-to-audio') return 'text-to-audio'
  const takesImage = read.inputs.some((f) => f.kind === 'media' && f.media === 'image')
  const makes = read.outputs[0]?.media
  if (makes === 'audio' && !read.inputs.some((f) => f.kind === 'media')) return 'text-to-audio'
  if (makes === 'video' && takesImage) return 'image-to-video'
  if (makes === 'image') return takesImage ? 'image-edit' : 'text-to-image'
  return 'other'
}

/**
 * Models whose id, title, kind or description contains every word of `text` (any case), in
 * catalog order; all of them for an empty text.
 */
export function searchModels(models: readonly FalModel[], text: string): FalModel[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean)
  return models.filter((m) => {
    const hay = `${m.endpointId} ${m.title} ${m.kind} ${m.description}`.toLowerCase()
    return words.every((w) => hay.includes(w))
  })
}
