import { ValidationError } from '@fal-ai/client'
import { expect } from 'vitest'

/** The 422 `promise` (a call through fal's client) rejects with; fails the test otherwise. */
export async function validationErrorOf(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return error as ValidationError
}
