import { type NodeBodyProps, useParam } from '@shotchain/editor'
import type { ParamField } from '@shotchain/nodes'
import { useEffect, useState } from 'react'

interface ControlProps {
  readonly field: ParamField
  readonly node: NodeBodyProps['node']
  readonly editor: NodeBodyProps['editor']
  /** The prompt port is connected: its text wins, the inline field is not used. */
  readonly fromPort: boolean
  /** A check or the run faults this field: drawn in red. */
  readonly fault: boolean
}

/** Marks an unset optional field in a select: fal then picks (or the param's default applies). */
const UNSET = ''

/**
 * One param of a fal model node as a labelled control: text as a small text area, a closed set
 * (or fal's image size presets) as a select, a number as a number field within its range, a
 * flag as a checkbox. Values go to the document as fal takes them on the wire.
 */
export function ModelFieldControl({ field, node, editor, fromPort, fault }: ControlProps) {
  const value = node.params[field.name] ?? field.default
  const set = (next: unknown, mergeKey?: string) =>
    editor.apply({ type: 'setParam', node: node.id, key: field.name, value: next }, mergeKey)
  const common = {
    'data-testid': `model-field-${field.name}`,
    className: fault ? 'is-fault' : undefined,
  }
  switch (field.kind) {
    case 'text':
      return <TextControl field={field} node={node} fromPort={fromPort} common={common} />
    case 'enum':
    case 'image-size': {
      const options: readonly (string | number)[] =
        field.kind === 'enum' ? field.values : field.presets
      const chosen = options.find((o) => String(o) === String(value))
      const custom = chosen === undefined && typeof value === 'object' && value !== null
      return (
        <label className="sc-model__row" title={field.description}>
          <span>{field.title}</span>
          <select
            {...common}
            value={chosen === undefined ? (custom ? 'custom' : UNSET) : String(chosen)}
            onChange={(e) => set(options.find((o) => String(o) === e.target.value))}
          >
            {chosen === undefined && !custom ? <option value={UNSET}>—</option> : null}
            {custom ? <option value="custom">{sizeText(value)}</option> : null}
            {options.map((o) => (
              <option key={String(o)} value={String(o)}>
                {String(o)}
              </option>
            ))}
          </select>
        </label>
      )
    }
    case 'number':
      return (
        <NumberControl field={field} value={value} set={set} common={common} nodeId={node.id} />
      )
    case 'boolean':
      return (
        <label className="sc-model__row" title={field.description}>
          <span>{field.title}</span>
          <input
            {...common}
            type="checkbox"
            checked={value === true}
            onChange={(e) => set(e.target.checked)}
          />
        </label>
      )
  }
}

function TextControl(props: {
  field: Extract<ParamField, { kind: 'text' }>
  node: NodeBodyProps['node']
  fromPort: boolean
  common: { 'data-testid': string; className: string | undefined }
}) {
  const { field, node, fromPort, common } = props
  const stored = node.params[field.name]
  const [text, setText] = useParam(node.id, field.name, typeof stored === 'string' ? stored : '')
  return (
    <label className="sc-model__text" title={field.description}>
      <span>{field.title}</span>
      <textarea
        {...common}
        value={fromPort ? '' : text}
        disabled={fromPort}
        placeholder={fromPort ? 'from the connected node' : String(field.default ?? '')}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
      />
    </label>
  )
}

function NumberControl(props: {
  field: Extract<ParamField, { kind: 'number' }>
  value: unknown
  set: (next: unknown, mergeKey?: string) => void
  common: { 'data-testid': string; className: string | undefined }
  nodeId: string
}) {
  const { field, value, set, common, nodeId } = props
  const stored = typeof value === 'number' ? String(value) : ''
  // The typed text stays while it is half a number ("0.", "-"); the document gets numbers only.
  const [text, setText] = useState(stored)
  useEffect(() => setText(stored), [stored])
  return (
    <label className="sc-model__row" title={field.description}>
      <span>{field.title}</span>
      <input
        {...common}
        type="number"
        inputMode={field.integer ? 'numeric' : 'decimal'}
        min={field.min}
        max={field.max}
        step={field.integer ? 1 : 'any'}
        value={text}
        placeholder="auto"
        onChange={(e) => {
          setText(e.target.value)
          const next = e.target.value === '' ? undefined : Number(e.target.value)
          if (next === undefined || Number.isFinite(next)) {
            set(next, `param:${nodeId}:${field.name}`)
          }
        }}
      />
    </label>
  )
}

function sizeText(value: unknown): string {
  const { width, height } = value as { width?: unknown; height?: unknown }
  return `${String(width)}×${String(height)}`
}
