import { defineNode } from '@shotchain/graph'
import { KLING_O1_LIMITS } from '@shotchain/kling'
import { z } from 'zod'

const MAX = KLING_O1_LIMITS.maxPromptChars

const promptParams = z.object({
  text: z
    .string()
    .refine((text) => text.trim() !== '', 'is empty: describe what happens in the shot')
    .refine((text) => text.length <= MAX, {
      error: (issue) =>
        `is ${String(issue.input).length.toLocaleString('en-US')} characters long; Kling takes at most ${MAX.toLocaleString('en-US')}: shorten it`,
    }),
})

/** Params of {@link promptNode}. */
export type PromptParams = z.infer<typeof promptParams>

/**
 * `prompt`: the text of a shot. Empty prompts and prompts over Kling's 2,500-character limit are
 * refused before a run. Name the frames as `@Image1` (start) and `@Image2` (end).
 */
export const promptNode = defineNode<PromptParams>({
  type: 'prompt',
  version: 1,
  title: 'Prompt',
  description: 'What happens in a shot; may name the start and end frames as @Image1 and @Image2.',
  category: 'sources',
  inputs: {},
  outputs: { text: { type: 'text', label: 'Text' } },
  params: promptParams,
  run: async (ctx) => ({ text: ctx.params.text }),
})
