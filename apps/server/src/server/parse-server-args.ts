/** What `main.ts` was asked for. */
export interface ServerArgs {
  readonly port: number
  readonly host: string
}

export type ParseServerArgsResult =
  | { readonly ok: true; readonly args: ServerArgs }
  | { readonly ok: false; readonly message: string }

/** Default port of `pnpm start`. */
export const DEFAULT_PORT = 5757

/** Reads `--port N` (0 = any free port) and `--host NAME`; anything else is a message. */
export function parseServerArgs(argv: readonly string[]): ParseServerArgsResult {
  let port = DEFAULT_PORT
  let host = '127.0.0.1'
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] as string).split('=', 2) as [string, string | undefined]
    const value = inline ?? argv[i + 1]
    if (flag === '--port' || flag === '--host') {
      if (value === undefined) return { ok: false, message: `${flag} needs a value` }
      if (inline === undefined) i++
      if (flag === '--host') host = value
      else {
        port = Number(value)
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          return { ok: false, message: `--port: "${value}" is not a port number (0–65535)` }
      }
    } else if (flag === '--help' || flag === '-h') {
      return { ok: false, message: 'usage: shotchain-server [--port N] [--host NAME]' }
    } else {
      return { ok: false, message: `unknown option "${argv[i]}"; usage: [--port N] [--host NAME]` }
    }
  }
  return { ok: true, args: { port, host } }
}
