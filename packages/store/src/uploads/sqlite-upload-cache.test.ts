import { describe, expect, it } from 'vitest'
import { makeTempHome, openTestStore } from '../testing/temp-home.ts'

describe('sqlite upload cache', () => {
  it('remembers the latest URL per hash across a reopen', () => {
    const home = makeTempHome()
    const store = openTestStore(home)
    expect(store.uploads.get('h')).toBeUndefined()
    store.uploads.set('h', 'https://fal.example/1', 1)
    store.uploads.set('h', 'https://fal.example/2', 2)
    store.close()
    expect(openTestStore(home).uploads.get('h')).toEqual({ url: 'https://fal.example/2', at: 2 })
  })
})
