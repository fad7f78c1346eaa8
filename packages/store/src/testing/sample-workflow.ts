import { createDocument, type WorkflowDocument } from '@shotchain/graph'

/** A small valid workflow: one prompt node saying `prompt`. For tests only. */
export function sampleWorkflow(name = 'Shots', prompt = 'a cat'): WorkflowDocument {
  return {
    ...createDocument(name),
    nodes: [{ id: 'prompt1', type: 'prompt', position: [0, 0], params: { text: prompt } }],
  }
}
