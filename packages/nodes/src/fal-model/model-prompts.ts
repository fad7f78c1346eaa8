import type { FalModel } from '@shotchain/fal-catalog'
import type { NodeCheckContext, NodeCheckResult } from '@shotchain/graph'
import { promptFieldsOf } from './model-ports.ts'

type Params = Readonly<Record<string, unknown>>

/**
 * A prompt field's text for the request: what its port brings when connected, else the
 * node's inline text; undefined when neither has any.
 */
export function promptOf(
  name: string,
  params: Params,
  inputs: Readonly<Record<string, unknown>>,
): string | undefined {
  const connected = inputs[name]
  if (typeof connected === 'string') return connected
  const inline = params[name]
  return typeof inline === 'string' && inline !== '' ? inline : undefined
}

/** A required prompt needs its port connected or its inline text typed. */
export function checkModelPrompts(
  model: FalModel,
  context: NodeCheckContext<Params>,
): NodeCheckResult[] {
  const problems: NodeCheckResult[] = []
  for (const field of promptFieldsOf(model)) {
    if (!field.required || context.isConnected(field.name)) continue
    const inline = context.params?.[field.name]
    if (typeof inline === 'string' && inline.trim() !== '') continue
    problems.push({
      message: `needs a ${field.title.toLowerCase()}: type one, or connect a Prompt node`,
      severity: 'error',
      field: field.name,
    })
  }
  return problems
}
