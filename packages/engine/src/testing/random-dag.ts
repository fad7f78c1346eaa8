import fc from 'fast-check'
import { edge, stepNode, testDocument } from './fixtures.ts'

/** A random DAG: node i takes each of its inputs a, b, c from some earlier node, or not at all. */
export const dagArb = fc
  .array(
    fc.record({
      n: fc.integer({ min: 0, max: 3 }),
      sources: fc.tuple(fc.option(fc.nat()), fc.option(fc.nat()), fc.option(fc.nat())),
      delay: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((specs) => {
    const nodes = specs.map((s, i) => stepNode(`n${i}`, { n: s.n }))
    const edges = specs.flatMap((s, i) =>
      i === 0
        ? []
        : (['a', 'b', 'c'] as const).flatMap((port, p) => {
            const source = s.sources[p]
            return source === null || source === undefined
              ? []
              : [edge(`n${source % i}`, `n${i}`, port)]
          }),
    )
    return { doc: testDocument(nodes, edges), delays: specs.map((s) => s.delay) }
  })
