import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { FalModel, MediaField } from '@shotchain/fal-catalog'
import type { NodeOutputs } from '@shotchain/graph'
import { mediaInput } from '../nodes/media-input.ts'
import type { MediaRef, MediaServices } from '../services.ts'
import type { MediaPort } from './model-ports.ts'

/** The stored media arriving on each media port, in port order (a list port's in edge order). */
export function collectMedia(
  nodeId: string,
  ports: readonly MediaPort[],
  inputs: Readonly<Record<string, unknown>>,
): { field: MediaField; refs: MediaRef[] }[] {
  return ports.map(({ port, field }) => {
    const value = inputs[port]
    const values = value === undefined ? [] : field.list ? (value as unknown[]) : [value]
    return { field, refs: values.map((v) => mediaInput(nodeId, port, v, field.media)) }
  })
}

const KIND_NAMES = { image: 'an image', video: 'a video', audio: 'a sound' } as const

/**
 * Brings a model's result files into the media store: the video and its last frame, the first
 * image, or the sound (on port `audio`). A result without its first declared file (what the model
 * makes), or with a file of another kind, is fal's failure, not the person's; a later declared
 * file it leaves out is left off.
 */
export async function modelOutputs(
  model: FalModel,
  result: unknown,
  context: {
    readonly nodeId: string
    readonly requestId: string
    readonly media: MediaServices
    readonly signal: AbortSignal
  },
): Promise<NodeOutputs> {
  const { nodeId, requestId, media, signal } = context
  const body = (result ?? {}) as Record<string, unknown>
  const outputs: Record<string, MediaRef> = {}
  for (const output of model.outputs) {
    const port = output.media
    if (outputs[port] !== undefined) continue
    const file = output.list ? (body[output.name] as unknown[] | undefined)?.[0] : body[output.name]
    const url = (file as { url?: unknown } | undefined)?.url
    if (typeof url !== 'string' || url === '') {
      // Only the model's first output is what it makes; others (a video model's optional
      // sound, say) may be left out of a result.
      if (output !== model.outputs[0]) continue
      throw new ShotchainError(
        ERROR_CODES.server,
        `fal finished request ${requestId} for node "${nodeId}" without ${output.name} in its result`,
        { nodeId, field: port },
      )
    }
    const ref = await media.importUrl(url, signal)
    if (ref.kind !== output.media) {
      throw new ShotchainError(
        ERROR_CODES.server,
        `fal's ${output.name} for node "${nodeId}" (request ${requestId}) is not ${KIND_NAMES[output.media]} but ${ref.contentType}`,
        { nodeId, field: port },
      )
    }
    outputs[port] = ref
    if (port === 'video') outputs.lastFrame = await media.extractFrame(ref, 'last', signal)
  }
  return outputs
}
