import type { MediaKind, ModelField, ModelOutput } from '../model/fal-model.ts'
import { limitsOf } from './media-limits.ts'

type Schema = Readonly<Record<string, unknown>>

/** A schema fal publishes that cannot be read as a model; names the endpoint and the part. */
export class SchemaError extends Error {
  override readonly name = 'SchemaError'
}

/** What an endpoint's OpenAPI says of it. */
export interface OpenApiModel {
  readonly inputs: readonly ModelField[]
  readonly outputs: readonly ModelOutput[]
  /** `info.x-fal-metadata.category`, e.g. `image-to-video`, when fal gives one. */
  readonly category?: string
  readonly title?: string
}

/**
 * Reads fal's per-endpoint OpenAPI document (`…/openapi.json?endpoint_id=ID`): the input schema
 * of `POST /ID` and the result schema of `GET /ID/requests/{request_id}`, both found by path,
 * not by schema name (fal's names are not consistent). Throws a {@link SchemaError} when either
 * is missing.
 */
export function readOpenApi(doc: unknown, endpointId: string): OpenApiModel {
  const root = asSchema(doc)
  const components = asSchema(asSchema(root.components).schemas)
  const resolve = (schema: unknown): Schema => {
    let s = asSchema(schema)
    for (let hops = 0; typeof s.$ref === 'string' && hops < 10; hops++) {
      const name = s.$ref.split('/').pop() ?? ''
      s = asSchema(components[name])
    }
    return s
  }
  const paths = asSchema(root.paths)
  const post = asSchema(asSchema(paths[`/${endpointId}`]).post)
  const inputRef = asSchema(asSchema(asSchema(post.requestBody).content)['application/json'])
  const input = resolve(inputRef.schema)
  const get = asSchema(asSchema(paths[`/${endpointId}/requests/{request_id}`]).get)
  const ok = asSchema(asSchema(asSchema(get.responses)['200']).content)['application/json']
  const output = resolve(asSchema(ok).schema)
  if (input.properties === undefined) {
    throw new SchemaError(`fal's schema of ${endpointId} has no input object (POST /${endpointId})`)
  }
  if (output.properties === undefined) {
    throw new SchemaError(`fal's schema of ${endpointId} has no result object`)
  }
  const meta = asSchema(asSchema(root.info)['x-fal-metadata'])
  const title = asSchema(root.info).title
  return {
    inputs: inputFields(input, resolve),
    outputs: outputFiles(output, resolve),
    ...(typeof meta.category === 'string' ? { category: meta.category } : {}),
    ...(typeof title === 'string' ? { title } : {}),
  }
}

function inputFields(input: Schema, resolve: (s: unknown) => Schema): ModelField[] {
  const properties = asSchema(input.properties)
  const required = new Set(Array.isArray(input.required) ? input.required : [])
  return orderOf(input).map((name) =>
    readField(name, resolve(properties[name]), required.has(name), resolve),
  )
}

/** Property names in fal's order (`x-fal-order-properties`), then any it leaves out. */
function orderOf(schema: Schema): string[] {
  const names = Object.keys(asSchema(schema.properties))
  const order = schema['x-fal-order-properties']
  if (!Array.isArray(order)) return names
  const listed = order.filter((n): n is string => typeof n === 'string' && names.includes(n))
  return [...listed, ...names.filter((n) => !listed.includes(n))]
}

function readField(
  name: string,
  wrapper: Schema,
  required: boolean,
  resolve: (s: unknown) => Schema,
): ModelField {
  const schema = unwrapNullable(wrapper, resolve)
  const base = {
    name,
    title: typeof wrapper.title === 'string' ? wrapper.title : titleOf(name),
    required,
    ...(typeof wrapper.description === 'string' ? { description: wrapper.description } : {}),
    ...('default' in wrapper ? { default: wrapper.default } : {}),
  }
  const media = mediaKindOf(name, schema, resolve)
  if (media !== undefined) {
    const limits = limitsOf(wrapper)
    return {
      ...base,
      kind: 'media',
      media,
      list: schema.type === 'array',
      ...(limits === undefined ? {} : { limits }),
    }
  }
  const presets = imageSizePresets(wrapper, resolve)
  if (presets !== undefined) return { ...base, kind: 'image-size', ...presets }
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter(
      (v): v is string | number => typeof v === 'string' || typeof v === 'number',
    )
    return { ...base, kind: 'enum', values }
  }
  if (schema.type === 'string') {
    return {
      ...base,
      kind: 'text',
      ...numberKey('minLength', schema.minLength),
      ...numberKey('maxLength', schema.maxLength),
    }
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return {
      ...base,
      kind: 'number',
      integer: schema.type === 'integer',
      ...numberKey('min', schema.minimum),
      ...numberKey('max', schema.maximum),
    }
  }
  if (schema.type === 'boolean') return { ...base, kind: 'boolean' }
  return { ...base, kind: 'other' }
}

/** `anyOf: [T, {type: null}]` → T; other schemas as they are. */
function unwrapNullable(schema: Schema, resolve: (s: unknown) => Schema): Schema {
  const options = schema.anyOf ?? schema.oneOf
  if (!Array.isArray(options)) return schema
  const real = options.map(resolve).filter((s) => s.type !== 'null')
  return real.length === 1 && real[0] !== undefined ? real[0] : schema
}

/** fal's `image_size`: anyOf an enum of presets and an `{width, height}` object. */
function imageSizePresets(schema: Schema, resolve: (s: unknown) => Schema) {
  const options = schema.anyOf ?? schema.oneOf
  if (!Array.isArray(options)) return undefined
  const parts = options.map(resolve)
  const presets = parts.find((p) => Array.isArray(p.enum))
  const object = parts.find((p) => p.properties !== undefined)
  if (presets === undefined || object === undefined) return undefined
  const width = asSchema(asSchema(object.properties).width)
  return {
    presets: (presets.enum as unknown[]).filter((v): v is string => typeof v === 'string'),
    ...numberKey('maxSide', width.maximum),
  }
}

/**
 * The media a field takes: fal's `_fal_ui_field` or `ui.field` (on the field, or on `items`
 * for a list), else fal's own naming rule (`*_url`, `*_urls`, `image`, `video`, `audio`…) with
 * the kind read from the name.
 */
function mediaKindOf(
  name: string,
  schema: Schema,
  resolve: (s: unknown) => Schema,
): MediaKind | undefined {
  const items = schema.type === 'array' ? resolve(schema.items) : undefined
  const holder = items ?? schema
  if (holder.type !== 'string') return undefined
  const marked = markOf(schema) ?? (items === undefined ? undefined : markOf(items))
  if (marked !== undefined) return marked
  if (!/(_urls?$|^(image|images|video|audio|file)$)/.test(name)) return undefined
  if (/video/.test(name)) return 'video'
  if (/audio|music|speech/.test(name)) return 'audio'
  if (/image|img|mask|frame|photo/.test(name)) return 'image'
  return undefined
}

function markOf(schema: Schema): MediaKind | undefined {
  const mark = schema._fal_ui_field ?? asSchema(schema.ui).field
  return mark === 'image' || mark === 'video' || mark === 'audio' ? mark : undefined
}

/** Result fields that are files: an object (or list of objects) with a `url`. */
function outputFiles(output: Schema, resolve: (s: unknown) => Schema): ModelOutput[] {
  const properties = asSchema(output.properties)
  const files: ModelOutput[] = []
  for (const name of orderOf(output)) {
    const schema = unwrapNullable(resolve(properties[name]), resolve)
    const list = schema.type === 'array'
    const item = list ? resolve(schema.items) : schema
    if (asSchema(item.properties).url === undefined) continue
    const mark = markOf(item)
    const media = mark ?? (/video/.test(name) ? 'video' : /audio/.test(name) ? 'audio' : 'image')
    files.push({ name, media, list })
  }
  return files
}

/** `start_image_url` → `Start image url`. */
export function titleOf(name: string): string {
  const words = name.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function numberKey<K extends string>(key: K, value: unknown): { [k in K]?: number } {
  return (typeof value === 'number' ? { [key]: value } : {}) as { [k in K]?: number }
}

function asSchema(value: unknown): Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Schema)
    : {}
}
