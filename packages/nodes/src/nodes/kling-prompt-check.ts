import type { NodeCheckContext, NodeCheckResult } from '@shotchain/graph'

const NAMES_IMAGE1 = /@image1\b/i
const NAMES_IMAGE2 = /@image2\b/i

/**
 * A Kling node's static check of the prompt that feeds it: `@Image2` (the end frame) with no
 * `end` connected is an error; a prompt naming neither frame gets a hint. Prompts that are not
 * `prompt` nodes, or whose params are invalid (reported on their own), are not read.
 */
export function checkKlingPrompt(context: NodeCheckContext<unknown>): NodeCheckResult[] {
  const source = context.upstream('prompt')
  if (source?.type !== 'prompt') return []
  const text = (source.params as { text?: unknown } | undefined)?.text
  if (typeof text !== 'string') return []
  if (NAMES_IMAGE2.test(text) && !context.isConnected('end')) {
    return [
      {
        severity: 'error',
        field: 'end',
        message: `this shot's prompt "${source.id}" names @Image2 (the end frame) but no image is connected to "end": connect an end frame or remove @Image2 from the prompt`,
      },
    ]
  }
  if (!NAMES_IMAGE1.test(text) && !NAMES_IMAGE2.test(text)) {
    return [
      {
        severity: 'warning',
        field: 'prompt',
        message: `this shot's prompt "${source.id}" names neither @Image1 (the start frame) nor @Image2 (the end frame); naming them tells Kling how the frames relate to the text`,
      },
    ]
  }
  return []
}
