/** Throws when a condition the code relies on does not hold: a bug, never a user's bad input. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`graph: ${message}`)
}

/** For the `default` branch of a switch over a closed union: a value reaching it is a bug. */
export function exhaustiveSwitchError(value: never): never {
  throw new Error(`graph: unhandled case ${JSON.stringify(value)}`)
}
