import type { PortType, WorkflowEdge } from '../document/types.ts'
import type { AnyNodeSpec } from '../spec/node-spec.ts'

// The rules an edge must keep, worded once for both `analyzeDocument` and the `connect` command.

/** Why `port` cannot start an edge on this node, or undefined when it can. */
export function outputPortProblem(
  spec: AnyNodeSpec,
  nodeId: string,
  port: string,
): string | undefined {
  if (Object.hasOwn(spec.outputs, port)) return undefined
  const outputs = listPorts(spec.outputs)
  if (Object.hasOwn(spec.inputs, port)) {
    return `"${port}" is an input of node "${nodeId}" (${spec.title}); an edge starts at an output: ${outputs}`
  }
  return `node "${nodeId}" (${spec.title}) has no output "${port}"; its outputs are: ${outputs}`
}

/** Why `port` cannot end an edge on this node, or undefined when it can. */
export function inputPortProblem(
  spec: AnyNodeSpec,
  nodeId: string,
  port: string,
): string | undefined {
  if (Object.hasOwn(spec.inputs, port)) return undefined
  const inputs = listPorts(spec.inputs)
  if (Object.hasOwn(spec.outputs, port)) {
    return `"${port}" is an output of node "${nodeId}" (${spec.title}); an edge ends at an input: ${inputs}`
  }
  return `node "${nodeId}" (${spec.title}) has no input "${port}"; its inputs are: ${inputs}`
}

/** Why an edge joining ports of two types is refused. */
export function typeMismatchMessage(
  edge: WorkflowEdge,
  fromType: PortType,
  toType: PortType,
): string {
  return (
    `edge "${edge.id}" joins output "${edge.from.port}" (${fromType}) of node "${edge.from.node}" ` +
    `to input "${edge.to.port}" (${toType}) of node "${edge.to.node}"; an edge must join ports of the same type`
  )
}

/** Why a second edge into a single input is refused. */
export function inputTakenMessage(edge: WorkflowEdge, takenBy: string): string {
  return (
    `input "${edge.to.port}" of node "${edge.to.node}" already has an edge ("${takenBy}"); ` +
    'this input takes one edge, so remove one of them'
  )
}

/** Why an edge into a list input needs an `order`. */
export function missingOrderMessage(edge: WorkflowEdge): string {
  return (
    `edge "${edge.id}" goes into list input "${edge.to.port}" of node "${edge.to.node}" ` +
    'and needs a number "order" to place it in the list'
  )
}

const CYCLE_NAMES_SHOWN = 12

/** `"a" → "b" → "c" → "a"`; long loops are shortened (the issue's `nodeIds` has every node). */
export function formatLoop(cycle: readonly string[]): string {
  const shown = cycle.length > CYCLE_NAMES_SHOWN ? cycle.slice(0, CYCLE_NAMES_SHOWN) : cycle
  const quoted = shown.map((id) => `"${id}"`).join(' → ')
  const more = cycle.length > shown.length ? ` → … (${cycle.length} nodes)` : ''
  return `${quoted}${more} → "${cycle[0]}"`
}

/** The message of a `cycle` issue: the loop in edge order and how many more nodes are caught in it. */
export function cycleMessage(cycle: readonly string[], others: number): string {
  const lead = cycle.length === 1 ? 'node feeds itself' : 'nodes form a cycle'
  const tail =
    others > 0
      ? ` (${others} more node${others === 1 ? ' is' : 's are'} caught in the same loop)`
      : ''
  return `${lead}: ${formatLoop(cycle)}${tail}; a workflow must not loop back on itself, so remove one of these edges`
}

function listPorts(ports: Readonly<Record<string, unknown>>): string {
  const names = Object.keys(ports)
  return names.length === 0 ? 'none' : names.map((n) => `"${n}"`).join(', ')
}
