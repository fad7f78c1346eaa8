/** Where the emulator reports what it does; packages never print on their own. */
export interface EmulatorLogger {
  debug(message: string, details?: Record<string, unknown>): void
  info(message: string, details?: Record<string, unknown>): void
  warn(message: string, details?: Record<string, unknown>): void
  error(message: string, details?: Record<string, unknown>): void
}

/** A logger that drops everything: the default, so tests stay quiet. */
export const silentLogger: EmulatorLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}
