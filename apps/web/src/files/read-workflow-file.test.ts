import { serializeWorkflow } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { sampleDoc } from '../storage/testing/storage-contract.ts'
import { readWorkflowFile } from './read-workflow-file.ts'

describe('readWorkflowFile', () => {
  it('reads back an exported workflow whole', () => {
    const doc = sampleDoc('Harbour')
    expect(readWorkflowFile('harbour.json', serializeWorkflow(doc))).toEqual({
      ok: true,
      doc,
      warnings: [],
    })
  })

  it('refuses a broken file with every issue, its path and message, and no document', () => {
    const text = JSON.stringify({
      format: 'shotchain.workflow',
      version: 1,
      name: 'Broken',
      nodes: [
        { id: 'a', type: 'prompt', position: [0, 'left'], params: {} },
        { id: 'b', type: 'prompt', position: [0, 0], params: [] },
      ],
      edges: [],
    })
    const read = readWorkflowFile('broken.json', text)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect('doc' in read).toBe(false)
    expect(read.message).toBe('broken.json was not imported: 2 problems to fix in the file first')
    expect(read.issues.map((i) => i.path)).toEqual(['nodes[0].position[1]', 'nodes[1].params'])
    for (const issue of read.issues) expect(issue.message).not.toBe('')
  })

  it('says plainly when the file is not JSON or not a workflow', () => {
    const notJson = readWorkflowFile('notes.json', 'hello')
    expect(notJson).toMatchObject({
      ok: false,
      message: /notes\.json was not imported: one problem/,
    })
    const other = readWorkflowFile('package.json', '{"name":"x"}')
    expect(!other.ok && other.issues[0]).toMatchObject({
      path: 'format',
      message: expect.stringMatching(/not a Shotchain workflow/),
    })
  })

  it('keeps what loaded and reports dropped fields as warnings', () => {
    const text = serializeWorkflow(sampleDoc('Extra')).replace('"name"', '"author": "me", "name"')
    const read = readWorkflowFile('extra.json', text)
    expect(read.ok && read.warnings.map((w) => [w.path, w.severity])).toEqual([
      ['author', 'warning'],
    ])
  })
})
