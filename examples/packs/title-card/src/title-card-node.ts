import { defineNode } from '@shotchain/graph'
import type { NodeServices } from '@shotchain/nodes'
import { z } from 'zod'

const HEX = /^#[0-9a-f]{6}$/i

const params = z.object({
  text: z
    .string()
    .min(1, 'is empty: write the title')
    .max(40, 'must be at most 40 characters: a title card holds one short line'),
  width: z.number().int().min(320).max(3840).default(1280),
  height: z.number().int().min(320).max(2160).default(720),
  background: z.string().regex(HEX, 'must be a colour like #101820').default('#101820'),
  color: z.string().regex(HEX, 'must be a colour like #f2f2f2').default('#f2f2f2'),
})

/** Params of {@link titleCardNode}. */
export type TitleCardParams = z.infer<typeof params>

/** What the pack's `./node` entry gives the node: a PNG of the card. */
export interface TitleCardServices {
  readonly titleCard: {
    render(card: TitleCardParams, signal: AbortSignal): Promise<Uint8Array>
  }
}

/**
 * `title-card`: a still with one line of text, drawn by ffmpeg — a start frame for a first shot
 * (Kling takes it: 1280×720 by default). Free, and cached by its params like any node.
 */
export const titleCardNode = defineNode<TitleCardParams, NodeServices & TitleCardServices>({
  type: 'title-card',
  version: 1,
  title: 'Title card',
  description: 'A still with a line of text: a start frame for a first shot.',
  category: 'sources',
  inputs: {},
  outputs: { image: { type: 'image', label: 'Card' } },
  params,
  role: { kind: 'source' },
  idStem: 'title',
  async run(ctx) {
    const { titleCard, media } = ctx.services
    const png = await titleCard.render(ctx.params, ctx.signal)
    return { image: await media.importBytes(png, `the title card "${ctx.params.text}"`) }
  },
})
