import { type NodeBodyProps, nextShotCommands } from '@shotchain/editor'
import { takesOf, usdText } from '@shotchain/graph'
import { falModelOf, paramFieldsOf } from '@shotchain/nodes'
import { useMemo } from 'react'
import { ClipPreview } from './ClipPreview.tsx'
import { previewOf } from './fal-model-layout.ts'
import { ModelFieldControl } from './ModelFieldControl.tsx'
import { TakesSelect, TakesStrip } from './TakesStrip.tsx'

/**
 * The body of a node generated from a fal catalog model: a control per param field, the price
 * of a run with these params, and the result: a video model's clip and "add next shot", an
 * image model's picture. Its height is `falModelBodyHeight` of the spec.
 */
export function FalModelBody({ node, spec, into, issues, run, editor }: NodeBodyProps) {
  const model = falModelOf(spec)
  const fields = useMemo(() => (model ? paramFieldsOf(model) : []), [model])
  const faulty = new Set([...issues.flatMap((i) => (i.field ? [i.field] : [])), run?.field])
  const preview = previewOf(spec)
  // A video model can be made several times, its takes side by side in the clip's place.
  const clips = preview === 'shot' || preview === 'video'
  const takes = takesOf(node)
  return (
    <div className="sc-model">
      {fields.map((field) => (
        <ModelFieldControl
          key={field.name}
          field={field}
          node={node}
          editor={editor}
          fromPort={into.some((e) => e.to.port === field.name)}
          fault={faulty.has(field.name)}
        />
      ))}
      <div className="sc-model__cost">
        <span>Price</span>
        {clips ? <TakesSelect node={node} editor={editor} testId="model-takes" /> : null}
        <strong data-testid="model-cost">{costText(spec, node.params, takes.count)}</strong>
      </div>
      {clips && takes.count > 1 ? (
        <TakesStrip node={node} run={run} editor={editor} testId="model-take" />
      ) : clips ? (
        <div className="sc-model__preview" data-testid="model-preview">
          {run?.videoUrl ? <ClipPreview url={run.videoUrl} testId="model-video" /> : 'No clip yet'}
        </div>
      ) : null}
      {preview === 'shot' ? (
        <button
          type="button"
          className="sc-model__next"
          data-testid="add-next-shot"
          onClick={() => {
            const commands = nextShotCommands(editor.document(), editor.registry, node.id)
            if (commands) editor.apply(commands)
          }}
        >
          + Add next shot
        </button>
      ) : null}
      {preview === 'image' ? (
        <div className="sc-model__image" data-testid="model-preview">
          {run?.imageUrl ? (
            <img src={run.imageUrl} alt="What the model made" data-testid="model-image" />
          ) : (
            'No image yet'
          )}
        </div>
      ) : null}
    </div>
  )
}

/**
 * The price of a run with these params, every take counted; a dash while they do not parse (an
 * issue says why).
 */
function costText(
  spec: NodeBodyProps['spec'],
  params: NodeBodyProps['node']['params'],
  takes: number,
): string {
  const parsed = spec.params.safeParse(params)
  if (!parsed.success) return '—'
  const usd = spec.cost?.(parsed.data)
  return usd === undefined ? 'price unknown' : usdText(usd * takes)
}
