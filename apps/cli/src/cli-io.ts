/** A terminal that a view can redraw in place (log-update reads `columns` and `rows`). */
export type TerminalStream = NodeJS.WritableStream & {
  readonly columns?: number
  readonly rows?: number
  readonly isTTY?: boolean
}

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  readonly out: (line: string) => void
  readonly err: (line: string) => void
  /**
   * The terminal `out` goes to, when a person watches it (see {@link liveTerminal}): `run` then
   * shows a live view redrawn in place. Undefined when piped or in CI: plain lines through `out`.
   */
  readonly terminal: TerminalStream | undefined
  /** Asks a yes/no question; undefined when nobody can answer (not a terminal). */
  readonly confirm: ((question: string) => Promise<boolean>) | undefined
  /** Fires on Ctrl+C. */
  readonly signal: AbortSignal
}

/** Exit codes: what scripts can rely on. */
export const EXIT = { ok: 0, failed: 1, invalid: 2, refused: 3, cancelled: 130 } as const

/**
 * `stdout` when a person watches it: a TTY, `CI` unset (or "false"/"0") and `TERM` not "dumb".
 * Otherwise undefined, and output stays plain lines that a log or a pipe can keep.
 */
export function liveTerminal(
  stdout: TerminalStream,
  env: NodeJS.ProcessEnv,
): TerminalStream | undefined {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0'
  return stdout.isTTY === true && !ci && env.TERM !== 'dumb' ? stdout : undefined
}
