import { isPlainObject } from '../util/describe-value.ts'
import type { Issue } from '../validate/issue.ts'

/**
 * Turns a document of one version (its key in a {@link MigrationTable}) into the next version's
 * shape. It receives untrusted data, so it may throw on a malformed document; the loader turns
 * that into an issue. It need not set `version`: {@link migrateWorkflow} stamps it.
 */
export type Migration = (doc: Readonly<Record<string, unknown>>) => unknown

/** Migrations keyed by the version they upgrade from: `{ 1: v1ToV2, 2: v2ToV3 }`. */
export type MigrationTable = Readonly<Record<number, Migration>>

/** The migrations this build knows. Empty: version 1 is the only version there has been. */
export const MIGRATIONS: MigrationTable = Object.freeze({})

/** The upgraded document, or why it could not be upgraded. */
export type MigrationResult =
  | { readonly ok: true; readonly doc: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly issues: Issue[] }

/**
 * Upgrades a document from version `from` to version `to` one step at a time through `table`.
 * Never throws: a missing step is `unsupported-version`, a failing step `invalid-shape`.
 *
 * @example
 * const r = migrateWorkflow(raw, 1, 3, { 1: renameTier, 2: addLabels })
 * if (r.ok) read(r.doc) // r.doc.version === 3
 */
export function migrateWorkflow(
  doc: Readonly<Record<string, unknown>>,
  from: number,
  to: number,
  table: MigrationTable,
): MigrationResult {
  let current = doc
  for (let version = from; version < to; version++) {
    const step = Object.hasOwn(table, version) ? table[version] : undefined
    if (typeof step !== 'function') {
      return failure(
        'unsupported-version',
        `this workflow is version ${from}, and this Shotchain cannot upgrade version ${version} to ${version + 1}`,
      )
    }
    let next: unknown
    try {
      next = step(current)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return failure(
        'invalid-shape',
        `could not upgrade this workflow from version ${version} to ${version + 1}: ${reason}`,
      )
    }
    if (!isPlainObject(next)) {
      return failure(
        'invalid-shape',
        `upgrading this workflow from version ${version} to ${version + 1} gave no document`,
      )
    }
    current = { ...next, version: version + 1 }
  }
  return { ok: true, doc: current }
}

function failure(code: 'unsupported-version' | 'invalid-shape', message: string): MigrationResult {
  return { ok: false, issues: [{ code, path: 'version', message, severity: 'error' }] }
}
