import type { EndpointSpec } from './endpoint.ts'
import { extractFrameEndpoint } from './extract-frame.ts'
import {
  KLING_O1_PRO_I2V,
  KLING_O1_STANDARD_I2V,
  klingImageToVideo,
} from './kling-image-to-video.ts'
import { mergeVideosEndpoint } from './merge-videos.ts'

/** The endpoints the emulator serves, by full endpoint id. */
export function createEndpointRegistry(): ReadonlyMap<string, EndpointSpec> {
  const specs = [
    klingImageToVideo(KLING_O1_STANDARD_I2V),
    klingImageToVideo(KLING_O1_PRO_I2V),
    extractFrameEndpoint(),
    mergeVideosEndpoint(),
  ]
  return new Map(specs.map((spec) => [spec.id, spec]))
}
