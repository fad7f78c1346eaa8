import { describe, expect, it } from 'vitest'
import { resolveTarget } from './resolve-target.ts'

describe('resolveTarget', () => {
  it('follows x-fal-target-url on any path, with its query', () => {
    const target = resolveTarget(
      '/proxy',
      'https://queue.fal.run/fal-ai/kling-video/requests/abc/status?logs=1',
    )
    expect(target).toMatchObject({
      host: 'queue.fal.run',
      path: '/fal-ai/kling-video/requests/abc/status',
      via: 'proxy',
    })
    expect(target?.query.get('logs')).toBe('1')
  })

  it('reads host-prefixed paths', () => {
    const target = resolveTarget(
      '/rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3',
      undefined,
    )
    expect(target).toMatchObject({
      host: 'rest.fal.ai',
      path: '/storage/upload/initiate',
      via: 'host-prefix',
    })
    expect(target?.query.get('storage_type')).toBe('fal-cdn-v3')
  })

  it('treats other paths and non-fal proxy targets as local routes', () => {
    expect(resolveTarget('/cdn/x/a.png', undefined)).toMatchObject({
      host: 'local',
      path: '/cdn/x/a.png',
    })
    expect(resolveTarget('/proxy', 'http://127.0.0.1:9/cdn/x/a.png')).toMatchObject({
      host: 'local',
      path: '/cdn/x/a.png',
      via: 'proxy',
    })
  })

  it('rejects an unparsable target URL', () => {
    expect(resolveTarget('/proxy', 'not a url')).toBeUndefined()
  })
})
