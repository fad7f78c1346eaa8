/** The SQLite constraint kinds the store tells apart. */
export type ConstraintKind = 'PRIMARYKEY' | 'FOREIGNKEY' | 'UNIQUE'

/** Whether `error` is the SQLite binding's error for a violated constraint of `kind`. */
export function isConstraintError(error: unknown, kind: ConstraintKind): boolean {
  return (
    error instanceof Error && (error as { code?: unknown }).code === `SQLITE_CONSTRAINT_${kind}`
  )
}
