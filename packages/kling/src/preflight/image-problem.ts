import { KLING_O1_LIMITS } from '../model/kling-o1.ts'

/** An image's format and pixel size, as read from its header. */
export interface ImageHeader {
  readonly format: string
  readonly width: number
  readonly height: number
}

/** What pre-flight knows of an image: its header, and its size in bytes when known. */
export interface ImageFacts {
  readonly header: ImageHeader | undefined
  readonly sizeBytes: number | undefined
}

/** The first problem fal would find with this image, said for a person, or undefined. */
export function imageProblem(facts: ImageFacts): string | undefined {
  const { header, sizeBytes } = facts
  const limits = KLING_O1_LIMITS
  if (sizeBytes !== undefined && sizeBytes > limits.maxImageBytes) {
    return `is ${(sizeBytes / 1024 / 1024).toFixed(1)} MB; fal accepts at most 10 MB`
  }
  if (header === undefined) return 'is not an image fal can read (PNG, JPEG, WebP or GIF)'
  const { width, height } = header
  if (width < limits.minImageSide || height < limits.minImageSide) {
    return `is ${width}×${height} px; fal needs both sides at least ${limits.minImageSide} px`
  }
  const aspect = Math.min(width, height) / Math.max(width, height)
  if (aspect < limits.minAspect) {
    return `is ${width}×${height} px; fal needs an aspect ratio between 0.4 and 2.5`
  }
  return undefined
}
