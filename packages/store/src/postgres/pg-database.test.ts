import { describe, expect, it } from 'vitest'
import { numberPlaceholders } from './pg-database.ts'

describe('numberPlaceholders', () => {
  it('numbers each ? in order, leaving those inside quoted strings', () => {
    expect(numberPlaceholders("SELECT * FROM t WHERE a = ? AND b = '?' AND c IN (?, ?)")).toBe(
      "SELECT * FROM t WHERE a = $1 AND b = '?' AND c IN ($2, $3)",
    )
    expect(numberPlaceholders("UPDATE t SET s = 'it''s ?' WHERE id = ?")).toBe(
      "UPDATE t SET s = 'it''s ?' WHERE id = $1",
    )
    expect(numberPlaceholders('SELECT 1')).toBe('SELECT 1')
  })
})
