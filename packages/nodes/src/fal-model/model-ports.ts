import type { FalModel, MediaField, ModelField } from '@shotchain/fal-catalog'
import type { InputSpec, OutputSpec } from '@shotchain/graph'

/** A media field of the model that a node takes on an input port. */
export interface MediaPort {
  readonly port: string
  readonly field: MediaField
}

/**
 * The port a media field arrives on: fal's name without `_url` (`start_image_url` →
 * `start_image`), a list field's without `_urls` plus `s` (`image_urls` → `images`).
 */
export function portOfField(name: string): string {
  if (name.endsWith('_urls')) return `${name.slice(0, -'_urls'.length)}s`
  if (name.endsWith('_url')) return name.slice(0, -'_url'.length)
  return name
}

/** Image, video and audio fields, as input ports of their media's type. */
export function mediaPortsOf(model: FalModel): MediaPort[] {
  return model.inputs
    .filter((f): f is MediaField => f.kind === 'media')
    .map((field) => ({ port: portOfField(field.name), field }))
}

/** Text fields named like a prompt (`prompt`, `negative_prompt`): an inline field and a port. */
export function promptFieldsOf(model: FalModel): ModelField[] {
  return model.inputs.filter((f) => f.kind === 'text' && /prompt$/.test(f.name))
}

/** The node's input ports: media fields, then prompts (their inline field is the fallback). */
export function inputPortsOf(model: FalModel): Record<string, InputSpec> {
  const ports: Record<string, InputSpec> = {}
  for (const { port, field } of mediaPortsOf(model)) {
    ports[port] = {
      type: field.media,
      label: field.title,
      ...(field.required ? { required: true } : {}),
      ...(field.list ? { list: true } : {}),
    }
  }
  for (const field of promptFieldsOf(model))
    ports[field.name] = { type: 'text', label: field.title }
  return ports
}

/**
 * The node's output ports: a video (and its `lastFrame`, so any video model chains like Kling
 * does), the first image of an image list, or a sound (`audio`, e.g. for a sequence's
 * soundtrack).
 */
export function outputPortsOf(model: FalModel): Record<string, OutputSpec> {
  const ports: Record<string, OutputSpec> = {}
  for (const output of model.outputs) {
    if (output.media === 'video' && ports.video === undefined) {
      ports.video = { type: 'video', label: 'Clip' }
      ports.lastFrame = { type: 'image', label: 'Last frame' }
    }
    if (output.media === 'image' && ports.image === undefined) {
      ports.image = { type: 'image', label: 'Image' }
    }
    if (output.media === 'audio' && ports.audio === undefined) {
      ports.audio = { type: 'audio', label: 'Sound' }
    }
  }
  return ports
}

/** fal's field names mapped to the node's port or param, so fal's 422s mark the right field. */
export function wireFieldsOf(model: FalModel): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const field of model.inputs) {
    fields[field.name] = field.kind === 'media' ? portOfField(field.name) : field.name
  }
  return fields
}
