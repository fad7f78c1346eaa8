import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseWorkflow } from '../document/parse-workflow.ts'
import { serializeWorkflow } from '../document/serialize-workflow.ts'
import { createDocument, type WorkflowDocument } from '../document/types.ts'
import { documentArb } from '../testing/arbitraries.ts'
import { intentsArb, toCommand } from '../testing/command-arbitrary.ts'
import { expectSameDocument } from '../testing/same-document.ts'
import { testRegistry } from '../testing/test-specs.ts'
import { validateDocument } from '../validate/validate-document.ts'
import { applyCommands } from './apply-commands.ts'
import type { GraphCommand } from './graph-command.ts'
import { applyPatches } from './patching.ts'

function loaded(doc: WorkflowDocument): WorkflowDocument {
  const result = parseWorkflow(doc)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.doc
}

describe('applyCommands properties', () => {
  it('inverse patches undo every command, patches redo it, and the result stays a valid file', () => {
    fc.assert(
      fc.property(documentArb, intentsArb(30), (start, intents) => {
        let doc = loaded(start)
        for (const intent of intents) {
          const command = toCommand(doc, intent)
          if (command === undefined) continue
          const result = applyCommands(doc, command)
          if (!result.ok)
            throw new Error(`refused ${JSON.stringify(command)}: ${JSON.stringify(result.issues)}`)
          expectSameDocument(applyPatches(result.doc, result.inversePatches), doc)
          expectSameDocument(applyPatches(doc, result.patches), result.doc)
          expect(Object.isFrozen(result.doc.nodes)).toBe(true)
          const text = serializeWorkflow(result.doc)
          const reloaded = parseWorkflow(text)
          expect(reloaded).toEqual({ ok: true, doc: result.doc, issues: [] })
          if (reloaded.ok) expectSameDocument(reloaded.doc, result.doc)
          doc = result.doc
        }
      }),
      { numRuns: 100 },
    )
  }, 30_000)

  it('applies a list as one atomic patch set', () => {
    fc.assert(
      fc.property(documentArb, intentsArb(20), (start, intents) => {
        const base = loaded(start)
        const commands: GraphCommand[] = []
        let doc = base
        for (const intent of intents) {
          const command = toCommand(doc, intent)
          if (command === undefined) continue
          const step = applyCommands(doc, command)
          if (!step.ok) continue
          commands.push(command)
          doc = step.doc
        }
        const all = applyCommands(base, commands)
        expect(all.ok).toBe(true)
        if (!all.ok) return
        expectSameDocument(all.doc, doc)
        expectSameDocument(applyPatches(all.doc, all.inversePatches), base)
      }),
      { numRuns: 100 },
    )
  })

  it('with a registry, accepted edges never break the edge rules validation checks', () => {
    const registry = testRegistry()
    const edgeRules = new Set([
      'unknown-port',
      'type-mismatch',
      'input-taken',
      'missing-order',
      'cycle',
    ])
    let accepted = 0
    fc.assert(
      fc.property(intentsArb(60), (intents) => {
        let doc = createDocument()
        for (const intent of intents) {
          if (intent.kind === 'setParam' || intent.kind === 'duplicate') continue
          const command = toCommand(doc, intent, registry)
          if (command === undefined) continue
          const result = applyCommands(doc, command, { registry })
          if (!result.ok) continue
          doc = result.doc
          if (command.type === 'connect') accepted++
        }
        const broken = validateDocument(doc, registry).filter((i) => edgeRules.has(i.code))
        expect(broken).toEqual([])
      }),
      { numRuns: 200 },
    )
    // The property means something only if many edges got through.
    expect(accepted).toBeGreaterThan(40)
  })
})
