import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { KLING_O1_LIMITS } from '../model/kling-o1.ts'
import { type ImageFacts, imageProblem } from './image-problem.ts'

export interface KlingPreflightInput {
  readonly prompt: string
  readonly durationSec: number
  readonly start: ImageFacts
  readonly end?: ImageFacts
}

/**
 * Checks a Kling O1 request against fal's limits before any money is spent. Returns the
 * problems, each a `validation` error naming the wire field at fault; empty when fal should
 * accept it.
 */
export function preflightKling(input: KlingPreflightInput): ShotchainError[] {
  const problems: ShotchainError[] = []
  const fail = (field: string, message: string) =>
    problems.push(new ShotchainError(ERROR_CODES.validation, message, { field }))
  const prompt = input.prompt.trim()
  const limits = KLING_O1_LIMITS
  if (prompt === '') fail('prompt', 'the prompt is empty')
  if (input.prompt.length > limits.maxPromptChars) {
    fail(
      'prompt',
      `the prompt has ${input.prompt.length} characters; Kling takes at most ${limits.maxPromptChars}`,
    )
  }
  if (/@image2\b/i.test(input.prompt) && input.end === undefined) {
    fail('prompt', 'the prompt names @Image2 but no end frame is connected')
  }
  const d = input.durationSec
  if (!Number.isInteger(d) || d < limits.minDuration || d > limits.maxDuration) {
    fail('duration', `duration must be a whole number of seconds from 3 to 10, not ${d}`)
  }
  const start = imageProblem(input.start)
  if (start !== undefined) fail('start_image_url', `the start image ${start}`)
  const end = input.end && imageProblem(input.end)
  if (end !== undefined) fail('end_image_url', `the end image ${end}`)
  return problems
}
