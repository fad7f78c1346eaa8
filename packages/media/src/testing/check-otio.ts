/**
 * A structural check of an OpenTimelineIO document, written from OTIO's serialized schema
 * (docs/tutorials/otio-serialized-schema-only-fields.md: the fields each `Name.version`
 * serializes) and its timeline rules (docs/tutorials/otio-timeline-structure.md). Returns one line
 * per problem, with the path of the object at fault; none for a sound document. Tests only.
 */

const ITEM = ['name', 'metadata', 'source_range', 'effects', 'markers', 'enabled', 'color']

/** Every field a schema serializes; `children` is written by compositions beside their fields. */
const FIELDS: Record<string, readonly string[]> = {
  'Timeline.1': ['name', 'metadata', 'global_start_time', 'tracks'],
  'Stack.1': [...ITEM, 'children'],
  'Track.1': [...ITEM, 'kind', 'children'],
  'Clip.2': [...ITEM, 'media_references', 'active_media_reference_key'],
  'Gap.1': ITEM,
  'Transition.1': ['name', 'metadata', 'transition_type', 'in_offset', 'out_offset', 'enabled'],
  'ExternalReference.1': [
    'name',
    'metadata',
    'target_url',
    'available_range',
    'available_image_bounds',
  ],
  'MissingReference.1': ['name', 'metadata', 'available_range', 'available_image_bounds'],
  'TimeRange.1': ['start_time', 'duration'],
  'RationalTime.1': ['rate', 'value'],
}

/** Fields the check insists on (OTIO would default the rest). */
const REQUIRED: Record<string, readonly string[]> = {
  'Timeline.1': ['tracks'],
  'Stack.1': ['children'],
  'Track.1': ['kind', 'children'],
  'Clip.2': ['media_references', 'active_media_reference_key'],
  'Transition.1': ['transition_type', 'in_offset', 'out_offset'],
  'ExternalReference.1': ['target_url'],
  'TimeRange.1': ['start_time', 'duration'],
  'RationalTime.1': ['rate', 'value'],
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const schemaOf = (value: unknown) => (isObject(value) ? value.OTIO_SCHEMA : undefined)

/** The problems of an OTIO document, each `path: what is wrong`. */
export function checkOtio(document: unknown): string[] {
  const problems: string[] = []
  if (schemaOf(document) !== 'Timeline.1') problems.push('$: the root is not a Timeline.1')
  visit(document, '$', problems)
  return problems
}

function visit(value: unknown, path: string, problems: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, k) => {
      visit(item, `${path}[${k}]`, problems)
    })
    return
  }
  if (!isObject(value)) return
  const schema = value.OTIO_SCHEMA
  if (schema !== undefined) {
    const fields = typeof schema === 'string' ? FIELDS[schema] : undefined
    if (fields === undefined) {
      problems.push(`${path}: unknown schema ${String(schema)}`)
    } else {
      for (const key of Object.keys(value)) {
        if (key !== 'OTIO_SCHEMA' && !fields.includes(key))
          problems.push(`${path}: ${schema} has no field ${key}`)
      }
      for (const key of REQUIRED[schema as string] ?? []) {
        if (value[key] === undefined || value[key] === null)
          problems.push(`${path}: ${schema} lacks ${key}`)
      }
      checkSchema(schema as string, value, path, problems)
    }
  }
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'metadata') visit(child, `${path}.${key}`, problems)
  }
}

function checkSchema(schema: string, value: Json, path: string, problems: string[]): void {
  switch (schema) {
    case 'RationalTime.1':
      if (!(typeof value.rate === 'number' && value.rate > 0))
        problems.push(`${path}: rate must be a number above 0`)
      if (!(typeof value.value === 'number' && Number.isFinite(value.value)))
        problems.push(`${path}: value must be a number`)
      return
    case 'TimeRange.1': {
      const duration = value.duration as Json | undefined
      if (typeof duration?.value === 'number' && duration.value < 0)
        problems.push(`${path}: negative duration`)
      return
    }
    case 'Timeline.1':
      if (schemaOf(value.tracks) !== 'Stack.1') problems.push(`${path}.tracks: not a Stack.1`)
      return
    case 'Stack.1':
      childSchemas(value, path, ['Track.1'], problems)
      return
    case 'Track.1':
      if (value.kind !== 'Video' && value.kind !== 'Audio')
        problems.push(`${path}: kind must be Video or Audio`)
      childSchemas(value, path, ['Clip.2', 'Gap.1', 'Transition.1'], problems)
      checkTransitions(value, path, problems)
      return
    case 'Clip.2': {
      const refs = value.media_references
      const key = value.active_media_reference_key
      if (!(isObject(refs) && typeof key === 'string' && isObject(refs[key]))) {
        problems.push(`${path}: active_media_reference_key names no entry of media_references`)
      }
      return
    }
    case 'Transition.1':
      if (
        value.transition_type !== 'SMPTE_Dissolve' &&
        value.transition_type !== 'Custom_Transition'
      ) {
        problems.push(`${path}: unknown transition_type ${String(value.transition_type)}`)
      }
      return
  }
}

function childSchemas(
  value: Json,
  path: string,
  allowed: readonly string[],
  problems: string[],
): void {
  const children = Array.isArray(value.children) ? value.children : []
  children.forEach((child, k) => {
    if (!allowed.includes(String(schemaOf(child))))
      problems.push(
        `${path}.children[${k}]: ${String(schemaOf(child))} is not one of ${allowed.join(', ')}`,
      )
  })
}

const frames = (time: unknown) =>
  isObject(time) && typeof time.value === 'number' ? time.value : 0

const duration = (item: unknown) =>
  isObject(item) && isObject(item.source_range) ? frames(item.source_range.duration) : 0

/**
 * A transition is never first or last, never beside another, reaches no further into its
 * neighbours than they last, and two on one item do not overlap.
 */
function checkTransitions(track: Json, path: string, problems: string[]): void {
  const children = Array.isArray(track.children) ? track.children : []
  const isTransition = (k: number) => schemaOf(children[k]) === 'Transition.1'
  children.forEach((child, k) => {
    if (!isTransition(k)) {
      const before = isTransition(k - 1) ? frames((children[k - 1] as Json).out_offset) : 0
      const after = isTransition(k + 1) ? frames((children[k + 1] as Json).in_offset) : 0
      if (before + after > duration(child))
        problems.push(`${path}.children[${k}]: its transitions overlap or reach beyond it`)
      return
    }
    if (k === 0 || k === children.length - 1)
      problems.push(`${path}.children[${k}]: a transition cannot be first or last`)
    if (isTransition(k + 1)) problems.push(`${path}.children[${k}]: two transitions side by side`)
  })
}
