import type { PaletteFooterProps } from '@shotchain/editor'
import { useState } from 'react'
import { addByIdState, addFalModel } from './fal-models.ts'

/** fal's endpoint ids: `owner/app` and optional path segments. */
const ENDPOINT_ID = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)+$/i

/**
 * The palette's footer: offline it says which models need a key; with a key, typing a fal
 * endpoint id (`owner/model/…`) offers to fetch its schema and add it as a node.
 */
export function AddModelById({ query, pick }: PaletteFooterProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const state = addByIdState()
  const id = query.trim()
  const add = async () => {
    setBusy(true)
    setError(undefined)
    const added = await addFalModel(id)
    setBusy(false)
    if ('error' in added) setError(added.error)
    else pick(added.type)
  }
  return (
    <footer className="sc-palette__footer" data-testid="palette-add-by-id">
      {state.can && ENDPOINT_ID.test(id) ? (
        <button type="button" disabled={busy} onClick={() => void add()}>
          {busy ? `Fetching ${id}…` : `Add fal model “${id}”`}
        </button>
      ) : (
        <span>{state.text}</span>
      )}
      {error === undefined ? null : (
        <p role="alert" className="sc-palette__error">
          {error}
        </p>
      )}
    </footer>
  )
}
