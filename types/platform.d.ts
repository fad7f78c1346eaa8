// The few web-platform globals the pure packages (graph, engine, nodes) use, which the ES2022 lib
// lacks. Node and browsers both provide them; apps type them from @types/node or the DOM lib, so
// this file is included only by the pure packages' own tsconfig, never by their consumers.

interface AbortSignal {
  readonly aborted: boolean
  readonly reason: unknown
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
  throwIfAborted(): void
}

interface AbortController {
  readonly signal: AbortSignal
  abort(reason?: unknown): void
}

declare var AbortController: {
  prototype: AbortController
  new (): AbortController
}

interface TextEncoder {
  encode(input?: string): Uint8Array
}

declare var TextEncoder: {
  prototype: TextEncoder
  new (): TextEncoder
}
