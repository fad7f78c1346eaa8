/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  readonly out: (line: string) => void
  readonly err: (line: string) => void
  /** Asks a yes/no question; undefined when nobody can answer (not a terminal). */
  readonly confirm: ((question: string) => Promise<boolean>) | undefined
  /** Fires on Ctrl+C. */
  readonly signal: AbortSignal
}

/** Exit codes: what scripts can rely on. */
export const EXIT = { ok: 0, failed: 1, invalid: 2, refused: 3, cancelled: 130 } as const
