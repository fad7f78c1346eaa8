import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { type FalModel, limitProblem, priceOf, secondsOf } from '@shotchain/fal-catalog'
import { type AnyNodeSpec, defineNode, type NodeRole } from '@shotchain/graph'
import { requestFal } from '../nodes/request-fal.ts'
import type { MediaRef, NodeServices } from '../services.ts'
import { collectMedia, modelOutputs } from './model-media.ts'
import { paramsSchemaOf } from './model-params.ts'
import {
  inputPortsOf,
  mediaPortsOf,
  outputPortsOf,
  portOfField,
  promptFieldsOf,
  wireFieldsOf,
} from './model-ports.ts'
import { checkModelPrompts, promptOf } from './model-prompts.ts'

type Params = Record<string, unknown>

/** The node type of a fal endpoint's model node: `fal:` and fal's endpoint id. */
export function falModelType(endpointId: string): string {
  return `fal:${endpointId}`
}

const models = new WeakMap<AnyNodeSpec, FalModel>()

/** The fal model a node spec was made from, or undefined for any other spec. */
export function falModelOf(spec: AnyNodeSpec | undefined): FalModel | undefined {
  return spec === undefined ? undefined : models.get(spec)
}

/**
 * A node made from a fal endpoint's schema: image, video and audio fields become typed input
 * ports, prompt fields a port with an inline fallback, every other field a param checked like fal
 * checks it; a video result comes out as `video` and its `lastFrame` (so the node is a shot that
 * chains), an image result as `image`, a sound as `audio` (a sequence's soundtrack). It runs
 * through the same journaled submit, resume and cancel as the Kling node, and checks input files
 * against the limits the schema or the catalog states before anything is paid.
 */
export function falModelNode(model: FalModel): AnyNodeSpec {
  const mediaPorts = mediaPortsOf(model)
  const outputs = outputPortsOf(model)
  const makesVideo = outputs.video !== undefined
  const kind = makesVideo ? 'video' : kindOf(model)
  const spec = defineNode<Params, NodeServices>({
    type: falModelType(model.endpointId),
    version: 1,
    title: model.title,
    description: model.description,
    category: kind,
    inputs: inputPortsOf(model),
    outputs,
    params: paramsSchemaOf(model),
    ...roleOf(model, makesVideo),
    idStem: makesVideo ? 'shot' : kind,
    wireFields: wireFieldsOf(model),
    checkInputFile(port, facts) {
      const limits = mediaPorts.find((m) => m.port === port)?.field.limits
      if (facts.undecodable !== undefined) return facts.undecodable
      if (limits === undefined) return undefined
      return limitProblem(limits, { ...facts.image, sizeBytes: facts.sizeBytes })
    },
    resource: 'fal',
    // Undefined when the catalog has no price: the estimate says "unknown".
    cost: (params) => priceOf(model, params),
    check: (context) => checkModelPrompts(model, context),
    // An emulator's result must never be served from the cache as fal's (or the other way round).
    fingerprint: async (_params, services) => `fal:${services.fal.mode}`,
    async run(ctx) {
      const { nodeId, params, signal } = ctx
      const { fal, media } = ctx.services
      const files = collectMedia(nodeId, mediaPorts, ctx.inputs)
      const prompts = Object.fromEntries(
        promptFieldsOf(model).map((f) => [f.name, promptOf(f.name, params, ctx.inputs)]),
      )
      for (const { field, refs } of files) {
        for (const ref of refs) assertAccepted(nodeId, field.name, field.limits, ref)
      }
      const prepare = async () => {
        const input: Record<string, unknown> = { ...params, ...defined(prompts) }
        for (const { field, refs } of files) {
          if (refs.length === 0) continue
          const urls = []
          for (const ref of refs) urls.push(await fal.urlOf(ref, signal))
          input[field.name] = field.list ? urls : urls[0]
        }
        return input
      }
      const { requestId, result } = await requestFal(ctx, model.endpointId, prepare)
      return {
        ...(await modelOutputs(model, result, { nodeId, requestId, media, signal })),
        requestId,
      }
    },
  })
  models.set(spec, model)
  return spec
}

/** The palette category (and id stem) of a model that makes no video. */
function kindOf(model: FalModel): 'edit' | 'image' | 'audio' {
  if (model.kind === 'image-edit') return 'edit'
  const makesImage = model.outputs.some((o) => o.media === 'image')
  return !makesImage && model.outputs.some((o) => o.media === 'audio') ? 'audio' : 'image'
}

/** A video model that starts from an image is a shot: it chains from its first image port. */
function roleOf(model: FalModel, makesVideo: boolean): { role?: NodeRole<Params> } {
  const start = mediaPortsOf(model).find((m) => m.field.media === 'image' && !m.field.list)
  if (!makesVideo || start === undefined) return {}
  const duration = model.inputs.find((f) => f.name === 'duration')
  const hasPrompt = promptFieldsOf(model).some((f) => f.name === 'prompt')
  return {
    role: {
      kind: 'shot',
      video: 'video',
      chain: { from: 'lastFrame', to: start.port },
      ...(hasPrompt ? { prompt: 'prompt', nextPrompt: { text: '' } } : {}),
      durationSec: (params) => {
        const seconds = secondsOf(params.duration ?? duration?.default)
        return Number.isFinite(seconds) ? seconds : 0
      },
      describe: () => ({ model: model.endpointId }),
    },
  }
}

function assertAccepted(
  nodeId: string,
  field: string,
  limits: Parameters<typeof limitProblem>[0] | undefined,
  ref: MediaRef,
): void {
  if (limits === undefined) return
  const facts = ref.kind === 'image' ? { width: ref.width, height: ref.height } : {}
  const problem = limitProblem(limits, { ...facts, sizeBytes: ref.sizeBytes })
  if (problem === undefined) return
  throw new ShotchainError(
    ERROR_CODES.validation,
    `node "${nodeId}": the ${ref.kind === 'audio' ? 'sound' : ref.kind} for ${field} ${problem}`,
    { nodeId, field: portOfField(field) },
  )
}

function defined(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined),
  )
}
