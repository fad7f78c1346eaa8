import { describe, expect, it } from 'vitest'
import { apiRoutes, matchRoute, pathOf } from './api-routes.ts'

describe('the route table', () => {
  it('fills path params, encoded, and refuses a missing one', () => {
    expect(pathOf(apiRoutes.getRun, { id: 'r 1/2' })).toBe('/api/runs/r%201%2F2')
    expect(pathOf(apiRoutes.status)).toBe('/api/status')
    expect(() => pathOf(apiRoutes.estimate)).toThrow(/no value for :id/)
  })

  it('finds the route of a method and a path, one segment per param', () => {
    expect(matchRoute('GET', '/api/workflows')).toBe(apiRoutes.listWorkflows)
    expect(matchRoute('POST', '/api/workflows')).toBe(apiRoutes.createWorkflow)
    expect(matchRoute('put', '/api/workflows/abc')).toBe(apiRoutes.updateWorkflow)
    expect(matchRoute('GET', '/api/workflows/abc/runs')).toBe(apiRoutes.listRuns)
    expect(matchRoute('POST', '/api/runs/r1/resubmit')).toBe(apiRoutes.resubmit)
    expect(matchRoute('GET', '/api/workflows/')).toBeUndefined()
    expect(matchRoute('PATCH', '/api/workflows/abc')).toBeUndefined()
    expect(matchRoute('GET', '/api/runs/r1/events')).toBeUndefined()
  })

  it('has one route per method and path', () => {
    const keys = Object.values(apiRoutes).map((r) => `${r.method} ${r.path}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const r of Object.values(apiRoutes)) {
      expect(matchRoute(r.method, pathOf(r, { id: 'x' }))).toBe(r)
    }
  })
})
