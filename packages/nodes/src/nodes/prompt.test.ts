import { describe, expect, it } from 'vitest'
import { planIssues } from '../testing/plan-issues.ts'
import { chainWorkflow } from '../testing/workflows.ts'

const withPrompt = (text: string) => chainWorkflow({ shots: 1, prompt: () => text })

describe('prompt', () => {
  it.each([
    ['an empty prompt', '', 'is empty'],
    ['a blank prompt', '  \n ', 'is empty'],
    ['2,501 characters', `@Image1 ${'x'.repeat(2_493)}`, 'is 2,501 characters long; Kling takes'],
  ])('refuses %s with an issue at its text', async (_, text, words) => {
    expect(await planIssues(withPrompt(text))).toEqual([
      expect.objectContaining({
        code: 'invalid-param',
        path: 'nodes[1].params.text',
        nodeId: 'p1',
        message: expect.stringContaining(words),
      }),
    ])
  })

  it('takes a prompt of exactly 2,500 characters', async () => {
    expect(await planIssues(withPrompt(`@Image1 ${'x'.repeat(2_492)}`))).toEqual([])
  })
})
