import { parseRunEvent } from '@shotchain/api'

/** One server-sent event as a client sees it. */
export interface SseMessage {
  readonly id: string | undefined
  readonly event: string | undefined
  readonly data: string
}

/**
 * Reads an SSE stream until the server ends it or `stopWhen` says so (then the connection is
 * dropped, like a closed tab). Resolves with the events read, in order; rejects on an event the
 * API contract refuses (`parseRunEvent` of `@shotchain/api`, its `event:` name not its type).
 */
export async function readSse(
  url: string,
  options: {
    readonly lastEventId?: string
    readonly stopWhen?: (message: SseMessage) => boolean
    readonly onMessage?: (message: SseMessage) => void
  } = {},
): Promise<SseMessage[]> {
  const controller = new AbortController()
  const response = await fetch(url, {
    headers: options.lastEventId ? { 'Last-Event-ID': options.lastEventId } : {},
    signal: controller.signal,
  })
  if (!response.ok || response.body === null) {
    throw new Error(`SSE ${url}: HTTP ${response.status} ${await response.text()}`)
  }
  const messages: SseMessage[] = []
  const decoder = new TextDecoder()
  let buffer = ''
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return messages
      buffer += decoder.decode(value, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const message = parseBlock(buffer.slice(0, end))
        buffer = buffer.slice(end + 2)
        end = buffer.indexOf('\n\n')
        if (message === undefined) continue
        checkRunEvent(message)
        messages.push(message)
        options.onMessage?.(message)
        if (options.stopWhen?.(message)) {
          controller.abort()
          return messages
        }
      }
    }
  } catch (error) {
    // A dropped connection (the server was killed) ends the read with what arrived.
    if (controller.signal.aborted) return messages
    if ((error as { name?: string }).name === 'TypeError') return messages
    throw error
  }
}

function parseBlock(block: string): SseMessage | undefined {
  let id: string | undefined
  let event: string | undefined
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'id') id = value
    else if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }
  return data.length === 0 && event === undefined ? undefined : { id, event, data: data.join('\n') }
}

/** Throws when a run event breaks the API contract. */
function checkRunEvent(message: SseMessage): void {
  const read = parseRunEvent(message.data)
  if (!read.ok) throw new Error(`SSE event ${message.id}: ${read.problem}`)
  if (message.event !== read.event.type) {
    throw new Error(
      `SSE event ${message.id}: named "${message.event}", its type is "${read.event.type}"`,
    )
  }
}
