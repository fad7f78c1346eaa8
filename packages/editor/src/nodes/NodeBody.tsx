import type { NodeSnapshot } from '../canvas/node-snapshots.ts'
import type { NodeRunStatus } from '../editor-props.ts'
import { ExtractFrameBody } from './ExtractFrameBody.tsx'
import { ImageSourceBody } from './ImageSourceBody.tsx'
import { KlingBody } from './KlingBody.tsx'
import { OutputBody } from './OutputBody.tsx'
import { PromptBody } from './PromptBody.tsx'

/** The body of a node of the built-in pack; other packs' nodes show ports only. */
export function NodeBody(props: { snapshot: NodeSnapshot; run: NodeRunStatus | undefined }) {
  const { snapshot, run } = props
  const { node } = snapshot
  switch (node.type) {
    case 'image-source':
      return <ImageSourceBody node={node} />
    case 'prompt':
      return <PromptBody node={node} />
    case 'kling-o1-i2v':
      return <KlingBody snapshot={snapshot} videoUrl={run?.videoUrl} />
    case 'extract-frame':
      return <ExtractFrameBody node={node} />
    case 'output':
      return <OutputBody node={node} />
    default:
      return null
  }
}
