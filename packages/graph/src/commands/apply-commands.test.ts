import { describe, expect, it } from 'vitest'
import { parseWorkflow } from '../document/parse-workflow.ts'
import type { WorkflowDocument } from '../document/types.ts'
import { doc, edge, node, testRegistry, twoShotChain } from '../testing/test-specs.ts'
import { validateDocument } from '../validate/validate-document.ts'
import { applyCommands } from './apply-commands.ts'
import { duplicateCommand } from './duplicate.ts'
import type { GraphCommand } from './graph-command.ts'
import { applyPatches } from './patching.ts'

const registry = testRegistry()

function frozen(d: WorkflowDocument): WorkflowDocument {
  const result = parseWorkflow(d)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.doc
}

/** Applies and checks that the patches replay the edit and the inverse patches undo it. */
function applyOk(
  base: WorkflowDocument,
  commands: GraphCommand | GraphCommand[],
  withRegistry = false,
) {
  const result = applyCommands(base, commands, withRegistry ? { registry } : {})
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  expect(applyPatches(base, result.patches)).toEqual(result.doc)
  expect(applyPatches(result.doc, result.inversePatches)).toEqual(base)
  return result
}

function issuesOf(
  base: WorkflowDocument,
  commands: GraphCommand | GraphCommand[],
  withRegistry = true,
) {
  const result = applyCommands(base, commands, withRegistry ? { registry } : {})
  expect(result.ok).toBe(false)
  return result.ok ? [] : result.issues
}

const chain = frozen(twoShotChain())

describe('node commands', () => {
  it('adds a frozen copy of a node and refuses a taken id or a bad node', () => {
    const added = node('p3', 'prompt', { text: 'more' })
    const { doc: next } = applyOk(chain, { type: 'addNode', node: added })
    expect(next.nodes.at(-1)).toEqual(added)
    expect(Object.isFrozen(next.nodes.at(-1)?.params)).toBe(true)
    expect(Object.isFrozen(added)).toBe(false)
    expect(issuesOf(chain, { type: 'addNode', node: node('img', 'prompt') })).toMatchObject([
      { code: 'duplicate-id', path: 'commands[0].node.id' },
    ])
    const bad = { ...added, position: [Number.NaN, 0] as const }
    expect(issuesOf(chain, { type: 'addNode', node: bad })).toMatchObject([
      { code: 'invalid-shape', path: 'commands[0].node.position[0]' },
    ])
  })

  it('removes a node with its edges', () => {
    const { doc: next } = applyOk(chain, { type: 'removeNode', id: 'shot1' })
    expect(next.nodes.map((n) => n.id)).toEqual(['img', 'p1', 'p2', 'shot2', 'seq'])
    expect(next.edges.map((e) => e.id)).toEqual(['e4', 'e6'])
    expect(issuesOf(chain, { type: 'removeNode', id: 'nope' })).toMatchObject([
      { code: 'not-found', path: 'commands[0].id', message: 'there is no node "nope"' },
    ])
  })

  it('sets and deletes params, refusing values that are not JSON', () => {
    const set = applyOk(chain, { type: 'setParam', node: 'shot1', key: 'duration', value: 8 })
    expect(set.doc.nodes[3]?.params).toEqual({ duration: 8 })
    expect(set.patches).toEqual([
      { op: 'replace', path: ['nodes', 3, 'params', 'duration'], value: 8 },
    ])
    const deleted = applyOk(chain, {
      type: 'setParam',
      node: 'shot1',
      key: 'duration',
      value: undefined,
    })
    expect(deleted.doc.nodes[3]?.params).toEqual({})
    expect(
      applyOk(chain, { type: 'setParam', node: 'shot1', key: 'tier', value: undefined }).patches,
    ).toEqual([])
    expect(
      issuesOf(chain, { type: 'setParam', node: 'shot1', key: 'd', value: { x: Number.NaN } }),
    ).toMatchObject([{ code: 'invalid-shape', path: 'commands[0].value.x', nodeId: 'shot1' }])
    expect(
      issuesOf(chain, { type: 'setParam', node: 'shot1', key: '__proto__', value: 1 }),
    ).toMatchObject([{ code: 'invalid-shape', path: 'commands[0].key' }])
  })

  it('handles a param named like an Object.prototype member', () => {
    const { doc: next } = applyOk(chain, {
      type: 'setParam',
      node: 'p1',
      key: 'constructor',
      value: { a: 1 },
    })
    expect(Object.hasOwn(next.nodes[1]?.params ?? {}, 'constructor')).toBe(true)
    expect(parseWorkflow(next)).toMatchObject({ ok: true })
  })

  it('moves, labels and renames, and a move to the same place changes nothing', () => {
    const moved = applyOk(chain, { type: 'move', node: 'seq', position: [-0, 300] })
    expect(Object.is(moved.doc.nodes[5]?.position[0], 0)).toBe(true)
    expect(applyOk(chain, { type: 'move', node: 'seq', position: [0, 0] }).patches).toEqual([])
    expect(
      issuesOf(chain, { type: 'move', node: 'seq', position: [0, Number.POSITIVE_INFINITY] }),
    ).toMatchObject([{ code: 'invalid-shape', path: 'commands[0].position[1]' }])
    const labelled = applyOk(chain, { type: 'setLabel', node: 'seq', label: 'Final cut' })
    expect(labelled.doc.nodes[5]?.label).toBe('Final cut')
    const unlabelled = applyOk(labelled.doc, { type: 'setLabel', node: 'seq', label: undefined })
    expect(Object.hasOwn(unlabelled.doc.nodes[5] ?? {}, 'label')).toBe(false)
    expect(applyOk(chain, { type: 'rename', name: 'Chase' }).doc.name).toBe('Chase')
  })
})

describe('edge commands', () => {
  const extra = frozen(
    doc([...twoShotChain().nodes, node('shot3', 'kling-o1-i2v')], twoShotChain().edges),
  )

  it('connects and disconnects', () => {
    const e = edge('e7', 'shot2', 'lastFrame', 'shot3', 'start')
    const connected = applyOk(extra, { type: 'connect', edge: e }, true)
    expect(connected.doc.edges.at(-1)).toEqual(e)
    const back = applyOk(connected.doc, { type: 'disconnect', id: 'e7' })
    expect(back.doc).toEqual(extra)
    expect(issuesOf(extra, { type: 'disconnect', id: 'e7' })).toMatchObject([
      { code: 'not-found', path: 'commands[0].id' },
    ])
  })

  it('refuses edges to missing nodes and taken edge ids, registry or not', () => {
    const issues = issuesOf(
      chain,
      { type: 'connect', edge: edge('e1', 'ghost', 'image', 'shot1', 'end') },
      false,
    )
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-id', 'commands[0].edge.id'],
      ['dangling-edge', 'commands[0].edge.from.node'],
    ])
  })

  it('with a registry, refuses what validation would report', () => {
    const connect = (e: ReturnType<typeof edge>) => issuesOf(extra, { type: 'connect', edge: e })
    expect(connect(edge('x', 'img', 'photo', 'shot3', 'start'))).toMatchObject([
      { code: 'unknown-port', path: 'commands[0].edge.from.port', nodeId: 'img' },
    ])
    expect(connect(edge('x', 'p1', 'text', 'shot3', 'start'))).toMatchObject([
      { code: 'type-mismatch', path: 'commands[0].edge', nodeIds: ['p1', 'shot3'] },
    ])
    expect(connect(edge('x', 'img', 'image', 'shot2', 'start'))).toMatchObject([
      { code: 'input-taken', path: 'commands[0].edge.to.port', nodeId: 'shot2' },
    ])
    expect(connect(edge('x', 'shot2', 'video', 'seq', 'clips'))).toMatchObject([
      { code: 'missing-order', path: 'commands[0].edge.order' },
    ])
    const [cycle] = connect(edge('x', 'shot2', 'lastFrame', 'shot1', 'end'))
    expect(cycle).toMatchObject({
      code: 'cycle',
      path: 'commands[0].edge',
      nodeIds: ['shot2', 'shot1'],
    })
    expect(cycle?.message).toMatch(/would close a cycle: "shot2" → "shot1" → "shot2"/)
    // Without a registry only the structure is checked.
    applyOk(extra, { type: 'connect', edge: edge('x', 'shot2', 'lastFrame', 'shot1', 'end') })
  })
})

describe('duplicate', () => {
  it('copies the chosen nodes and the edges among them, shifted, with injected ids', () => {
    let n = 0
    const command = duplicateCommand(
      chain,
      ['shot1', 'img', 'missing'],
      () => `new${n++}`,
      [10, 20],
    )
    expect(command).toEqual({
      type: 'duplicate',
      nodes: { img: 'new0', shot1: 'new1' },
      edges: { e1: 'new2' },
      offset: [10, 20],
    })
    const { doc: next } = applyOk(chain, command)
    expect(next.nodes.slice(6)).toEqual([
      { ...chain.nodes[0], id: 'new0', position: [10, 20] },
      { ...chain.nodes[3], id: 'new1', position: [10, 20] },
    ])
    expect(next.edges.slice(6)).toEqual([edge('new2', 'new0', 'image', 'new1', 'start')])
    expect(validateDocument(next, registry).map((i) => [i.code, i.nodeId])).toEqual([
      ['missing-input', 'new1'],
    ])
  })

  it('refuses unknown sources, taken ids and edges leaving the selection', () => {
    const issues = issuesOf(chain, {
      type: 'duplicate',
      nodes: { img: 'shot1', ghost: 'g2' },
      edges: { e2: 'e9' },
      offset: [0, 0],
    })
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-id', 'commands[0].nodes.img'],
      ['not-found', 'commands[0].nodes.ghost'],
      ['invalid-shape', 'commands[0].edges.e2'],
    ])
  })
})

describe('applyCommands', () => {
  it('changes nothing for an empty list', () => {
    expect(applyCommands(chain, [])).toEqual({
      ok: true,
      doc: chain,
      patches: [],
      inversePatches: [],
    })
  })

  it('is all or nothing', () => {
    const commands: GraphCommand[] = [
      { type: 'addNode', node: node('p3', 'prompt') },
      { type: 'connect', edge: edge('e9', 'p3', 'text', 'nowhere', 'prompt') },
    ]
    expect(issuesOf(chain, commands)).toMatchObject([
      { code: 'dangling-edge', path: 'commands[1].edge.to.node' },
    ])
    expect(chain.nodes).toHaveLength(6)
  })

  it('gives one patch set for a list, later commands seeing earlier ones', () => {
    const result = applyOk(chain, [
      { type: 'addNode', node: node('p3', 'prompt') },
      { type: 'connect', edge: edge('e9', 'p3', 'text', 'seq', 'clips', 2) },
      { type: 'removeNode', id: 'p3' },
      { type: 'rename', name: 'Same again' },
    ])
    expect(result.doc).toEqual({ ...chain, name: 'Same again' })
  })
})
