import { describe, expect, it } from 'vitest'
import { parseWorkflow } from '../document/parse-workflow.ts'
import { serializeWorkflow } from '../document/serialize-workflow.ts'
import { createDocument, type WorkflowNode } from '../document/types.ts'
import { createHistory } from '../history/history.ts'
import { parseTakeNodeId, takeNodeId, takeRunIds } from './takes.ts'

const shot: WorkflowNode = { id: 'shot-2', type: 'kling', position: [0, 0], params: {} }
const withShot = { ...createDocument('t'), nodes: [shot] }

describe('takes in the document', () => {
  it('are saved with the node and read back', () => {
    const doc = { ...withShot, nodes: [{ ...shot, takes: { count: 3, pick: 2 } }] }
    const read = parseWorkflow(JSON.parse(serializeWorkflow(doc)))
    expect(read.ok && read.doc.nodes[0]?.takes).toEqual({ count: 3, pick: 2 })
  })

  it('refuse a pick outside the count, naming the field', () => {
    const file = JSON.parse(serializeWorkflow(withShot))
    file.nodes[0].takes = { count: 2, pick: 3 }
    const read = parseWorkflow(file)
    expect(read.ok).toBe(false)
    expect(read.issues).toMatchObject([
      { path: 'nodes[0].takes.pick', nodeId: 'shot-2', message: 'must be a take from 1 to 2' },
    ])
  })

  it('are set, picked and undone as edits', () => {
    const history = createHistory(withShot)
    history.apply({ type: 'setTakes', node: 'shot-2', takes: { count: 2, pick: 1 } })
    history.apply({ type: 'setTakes', node: 'shot-2', takes: { count: 2, pick: 2 } })
    expect(history.doc.nodes[0]?.takes).toEqual({ count: 2, pick: 2 })
    history.undo()
    expect(history.doc.nodes[0]?.takes).toEqual({ count: 2, pick: 1 })
    history.apply({ type: 'setTakes', node: 'shot-2', takes: { count: 1, pick: 1 } })
    expect(history.doc.nodes[0]).not.toHaveProperty('takes')
  })

  it('refuse a count beyond the limit as an edit', () => {
    const history = createHistory(withShot)
    const result = history.apply({ type: 'setTakes', node: 'shot-2', takes: { count: 9, pick: 1 } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]?.path).toMatch(/takes\.count$/)
  })
})

describe('take ids in a run', () => {
  it('name every take but the picked one after the node', () => {
    expect(takeRunIds({ id: 'shot-2', takes: { count: 3, pick: 2 } })).toEqual([
      'shot-2#take1',
      'shot-2',
      'shot-2#take3',
    ])
    expect(takeRunIds({ id: 'shot-2' })).toEqual(['shot-2'])
  })

  it('are read back to the node and take', () => {
    expect(parseTakeNodeId(takeNodeId('a#take1', 2))).toEqual({ node: 'a#take1', take: 2 })
    expect(parseTakeNodeId('shot-2')).toBeUndefined()
    expect(parseTakeNodeId('#take2')).toBeUndefined()
    expect(parseTakeNodeId('x#take0')).toBeUndefined()
  })
})
