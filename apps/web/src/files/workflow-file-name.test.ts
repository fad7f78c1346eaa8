import { describe, expect, it } from 'vitest'
import { workflowFileName } from './workflow-file-name.ts'

describe('workflowFileName', () => {
  it('names the file after the workflow, safe for any file system', () => {
    expect(workflowFileName('Three-shot chain')).toBe('three-shot-chain.json')
    expect(workflowFileName('  Café / night: take 2 ')).toBe('cafe-night-take-2.json')
    expect(workflowFileName('../../etc/passwd')).toBe('etc-passwd.json')
    expect(workflowFileName('???')).toBe('workflow.json')
    expect(workflowFileName('Three-shot chain', 'zip')).toBe('three-shot-chain.zip')
  })
})
