import { describe, expect, it } from 'vitest'
import { takeIdsInRun } from './take-runs.ts'

const inRun = (ids: string[]) => (id: string) => ids.includes(id)

describe('takeIdsInRun', () => {
  it('finds each take under the id the run gave it, whatever the document picks now', () => {
    const node = { id: 's', takes: { count: 3, pick: 1 } }
    // The run picked take 2.
    expect(takeIdsInRun(node, inRun(['s', 's#take1', 's#take3']))).toEqual([
      's#take1',
      's',
      's#take3',
    ])
  })

  it('knows the one take of a run made before takes were asked for', () => {
    const node = { id: 's', takes: { count: 2, pick: 2 } }
    expect(takeIdsInRun(node, inRun(['s']))).toEqual(['s', undefined])
  })

  it('has nothing for a node the run did not reach', () => {
    expect(takeIdsInRun({ id: 's', takes: { count: 2, pick: 1 } }, inRun([]))).toEqual([
      undefined,
      undefined,
    ])
    expect(takeIdsInRun({ id: 's' }, inRun(['s']))).toEqual(['s'])
  })
})
