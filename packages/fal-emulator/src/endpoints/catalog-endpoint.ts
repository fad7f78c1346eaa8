import { type FalModel, priceOf } from '@shotchain/fal-catalog'
import { makeCatalogAudio } from './catalog-audio.ts'
import { makeEditedImages, makeTextImages } from './catalog-images.ts'
import { parseCatalogInput } from './catalog-input.ts'
import { makeCatalogVideo } from './catalog-video.ts'
import type { EndpointOutput, EndpointSpec } from './endpoint.ts'

/** Whether the emulator can serve a catalog model from its schema: it makes outputs of its kind. */
export function canServe(model: FalModel): boolean {
  return model.kind !== 'other'
}

/**
 * Serves a catalog model from its schema: validates the body against `model.inputs` like fal's
 * pydantic (a 422 naming each field at fault), downloads its image inputs within their limits,
 * makes outputs of the model's kind that carry its inputs (images of the asked size showing the
 * prompt, the input image edited by the prompt's stripe, or a clip from the first image to the
 * second, or a tone of the asked length pitched by the prompt), and bills the catalog's price of the request.
 *
 * @example
 * const spec = catalogEndpoint(catalogModel('fal-ai/flux/schnell')!)
 */
export function catalogEndpoint(model: FalModel): EndpointSpec {
  return {
    id: model.endpointId,
    async run(body, ctx): Promise<EndpointOutput> {
      const params = parseCatalogInput(model, body)
      const billedUsd = priceOf(model, params) ?? 0
      switch (model.kind) {
        case 'text-to-image':
          return { body: await makeTextImages(params, ctx), billedSeconds: 0, billedUsd }
        case 'image-edit':
          return { body: await makeEditedImages(model, params, ctx), billedSeconds: 0, billedUsd }
        case 'image-to-video': {
          const { body: result, durationSec } = await makeCatalogVideo(model, params, ctx)
          return { body: result, billedSeconds: durationSec, billedUsd }
        }
        case 'text-to-audio': {
          const { body: result, durationSec } = await makeCatalogAudio(model, params, ctx)
          return { body: result, billedSeconds: durationSec, billedUsd }
        }
        case 'other':
          throw new Error(`The emulator makes no outputs for ${model.endpointId} (kind other)`)
      }
    },
  }
}
