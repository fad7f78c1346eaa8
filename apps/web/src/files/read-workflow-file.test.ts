import { serializeWorkflow } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { registry } from '../registry.ts'
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

  it('refuses a file whose edges the editor would refuse: a type mismatch and a taken input', () => {
    const text = JSON.stringify({
      format: 'shotchain.workflow',
      version: 1,
      name: 'Crossed wires',
      nodes: [
        { id: 'p', type: 'prompt', position: [0, 0], params: { text: '@Image1: dusk' } },
        {
          id: 'i',
          type: 'image-source',
          position: [0, 200],
          params: { url: 'https://a.example/x.png' },
        },
        {
          id: 'j',
          type: 'image-source',
          position: [0, 400],
          params: { url: 'https://a.example/y.png' },
        },
        { id: 's', type: 'kling-o1-i2v', position: [300, 0], params: {} },
      ],
      edges: [
        {
          id: 'text-into-start',
          from: { node: 'p', port: 'text' },
          to: { node: 's', port: 'start' },
        },
        {
          id: 'image-into-end',
          from: { node: 'i', port: 'image' },
          to: { node: 's', port: 'end' },
        },
        { id: 'second-end', from: { node: 'j', port: 'image' }, to: { node: 's', port: 'end' } },
      ],
    })
    expect(readWorkflowFile('crossed.json', text).ok).toBe(true)
    const read = readWorkflowFile('crossed.json', text, registry)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.message).toBe('crossed.json was not imported: 2 problems to fix in the file first')
    expect(read.issues.map((i) => i.code).sort()).toEqual(['input-taken', 'type-mismatch'])
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
