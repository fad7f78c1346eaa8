import { validateDocument } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { registry, threeShotChain } from '../testing/documents.ts'
import { issueText } from './issue-text.ts'

describe('issueText: a problem as the node card says it', () => {
  it('says an input with nothing connected by its label, without graph words', () => {
    const chain = threeShotChain()
    const doc = { ...chain, edges: chain.edges.filter((e) => e.from.node !== 'prompt2') }
    const issue = validateDocument(doc, registry).find(
      (i) => i.code === 'missing-input' && i.nodeId === 'shot2',
    )
    expect(issue?.message).toMatch(/needs an edge/)
    const shot2 = doc.nodes.find((n) => n.id === 'shot2')
    const spec = shot2 && registry.get(shot2.type)
    const text = issueText(issue as NonNullable<typeof issue>, spec)
    expect(text).toBe('Nothing connected to Prompt yet: drag a wire into it')
  })

  it('says any other problem as its field, then its message', () => {
    const problem = { code: 'invalid-param', field: 'duration', message: 'must be 5 or 10' }
    expect(issueText(problem, undefined)).toBe('duration: must be 5 or 10')
    expect(issueText({ code: 'cycle', message: 'a loop' }, undefined)).toBe('a loop')
  })
})
