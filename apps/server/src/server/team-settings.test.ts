import { describe, expect, it } from 'vitest'
import { readTeamSettings } from './team-settings.ts'

describe('readTeamSettings', () => {
  it('is one server per home by default, and shared under SHOTCHAIN_TEAM or a database URL', () => {
    expect(readTeamSettings({})).toEqual({
      shared: false,
      leaseMs: 6_000,
      heartbeatMs: 2_000,
      publicHosts: [],
    })
    expect(readTeamSettings({ SHOTCHAIN_TEAM: '1' }).shared).toBe(true)
    expect(readTeamSettings({ SHOTCHAIN_DATABASE_URL: 'postgres://db/shotchain' }).shared).toBe(
      true,
    )
  })

  it('reads the lease length and the public names, and refuses values it cannot use', () => {
    const env = {
      SHOTCHAIN_LEASE_MS: '3000',
      SHOTCHAIN_PUBLIC_URL: 'https://Shotchain.example.com, http://10.0.0.5:8080/',
    }
    expect(readTeamSettings(env)).toMatchObject({
      leaseMs: 3_000,
      heartbeatMs: 1_000,
      publicHosts: ['shotchain.example.com', '10.0.0.5:8080'],
    })
    for (const bad of [
      { SHOTCHAIN_LEASE_MS: 'soon' },
      { SHOTCHAIN_LEASE_MS: '10' },
      { SHOTCHAIN_TEAM: 'yes' },
      { SHOTCHAIN_PUBLIC_URL: 'shotchain.example.com' },
    ]) {
      expect(() => readTeamSettings(bad)).toThrow(
        expect.objectContaining({ code: 'validation', field: Object.keys(bad)[0] }),
      )
    }
  })
})
