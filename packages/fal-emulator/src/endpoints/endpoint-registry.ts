import { catalogModels } from '@shotchain/fal-catalog'
import { canServe, catalogEndpoint } from './catalog-endpoint.ts'
import type { EndpointSpec } from './endpoint.ts'
import { extractFrameEndpoint } from './extract-frame.ts'
import {
  KLING_O1_PRO_I2V,
  KLING_O1_STANDARD_I2V,
  klingImageToVideo,
} from './kling-image-to-video.ts'
import { mergeVideosEndpoint } from './merge-videos.ts'

/** Catalog ids served by a hand-written endpoint instead of {@link catalogEndpoint}. */
const HAND_WRITTEN = new Set([KLING_O1_STANDARD_I2V, KLING_O1_PRO_I2V])

/**
 * The endpoints the emulator serves, by full endpoint id: Kling O1 and the ffmpeg utilities by
 * hand, and every other model of the fal catalog from its schema.
 */
export function createEndpointRegistry(): ReadonlyMap<string, EndpointSpec> {
  const fromCatalog = catalogModels()
    .filter((model) => canServe(model) && !HAND_WRITTEN.has(model.endpointId))
    .map(catalogEndpoint)
  const specs = [
    klingImageToVideo(KLING_O1_STANDARD_I2V),
    klingImageToVideo(KLING_O1_PRO_I2V),
    extractFrameEndpoint(),
    mergeVideosEndpoint(),
    ...fromCatalog,
  ]
  return new Map(specs.map((spec) => [spec.id, spec]))
}
