/** The catalogue codes (see `ERROR_CODES` in @shotchain/errors) this package throws. */
export type StoreErrorCode = 'validation' | 'internal'

/** An Error carrying a catalogue `code` (and the field at fault), compared by code, not class. */
export type StoreError = Error & { readonly code: StoreErrorCode; readonly field?: string }

/** Builds a {@link StoreError}; callers throw it. */
export function storeError(
  code: StoreErrorCode,
  message: string,
  details: { field?: string; cause?: unknown } = {},
): StoreError {
  const error = new Error(
    message,
    details.cause === undefined ? undefined : { cause: details.cause },
  ) as Error & { code: StoreErrorCode; field?: string }
  error.code = code
  if (details.field !== undefined) error.field = details.field
  return error
}
