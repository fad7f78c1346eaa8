import { describe, expect, it } from 'vitest'
import { apiRoutes } from './api-routes.ts'
import { checkAnswer, readAnswer } from './read-answer.ts'

const status = { fal: 'offline emulator', workflows: 1, home: '~/.shotchain' }

describe('checkAnswer', () => {
  it('parses a success with its route schema', () => {
    expect(checkAnswer(apiRoutes.status, 200, status)).toEqual({ kind: 'ok', value: status })
    expect(readAnswer(apiRoutes.deleteWorkflow, 204, '')).toEqual({
      kind: 'ok',
      value: undefined,
    })
  })

  it('names the route, the status and the field at fault when a success breaks the contract', () => {
    const answer = checkAnswer(apiRoutes.status, 200, { ...status, workflows: 'one' })
    expect(answer).toMatchObject({ kind: 'unexpected', status: 200 })
    if (answer.kind === 'unexpected') {
      expect(answer.problem).toMatch(/^GET \/api\/status answered 200 .*: workflows: /)
    }
    expect(checkAnswer(apiRoutes.startRun, 200, {})).toMatchObject({
      kind: 'unexpected',
      problem: 'POST /api/workflows/:id/runs answered 200, not 201 as the API contract says',
    })
    expect(readAnswer(apiRoutes.status, 200, '<!doctype html>')).toMatchObject({
      kind: 'unexpected',
      problem: expect.stringMatching(/not JSON/),
    })
  })

  it('reads a refusal as the error body, or as unknown when it is none (a proxy, a page)', () => {
    const refused = { error: 'stale revision', revision: 3 }
    expect(checkAnswer(apiRoutes.updateWorkflow, 409, refused)).toEqual({
      kind: 'refused',
      status: 409,
      body: refused,
    })
    expect(readAnswer(apiRoutes.updateWorkflow, 500, '')).toEqual({
      kind: 'refused',
      status: 500,
      body: undefined,
    })
    expect(readAnswer(apiRoutes.status, 502, 'Bad Gateway')).toMatchObject({ body: undefined })
  })

  it('with `exact`, refuses fields the contract does not declare, and only then', () => {
    const extra = { ...status, secret: 'x' }
    expect(checkAnswer(apiRoutes.status, 200, extra).kind).toBe('ok')
    expect(checkAnswer(apiRoutes.status, 200, extra, { exact: true })).toMatchObject({
      kind: 'unexpected',
      problem: expect.stringMatching(/does not declare: secret$/),
    })
    const refusal = { error: 'no', issues: [{ path: 'a', message: 'b', extra: 1 }] }
    expect(checkAnswer(apiRoutes.status, 400, refusal, { exact: true })).toMatchObject({
      problem: expect.stringMatching(/does not declare: issues\.0\.extra$/),
    })
    // A workflow document is loose: its fields are the graph's business.
    const workflow = {
      id: 'w',
      name: 'W',
      revision: 1,
      createdAt: 1,
      updatedAt: 1,
      doc: { format: 'shotchain.workflow', version: 1, name: 'W', nodes: [], edges: [], x: 1 },
    }
    expect(checkAnswer(apiRoutes.getWorkflow, 200, workflow, { exact: true }).kind).toBe('ok')
  })
})
