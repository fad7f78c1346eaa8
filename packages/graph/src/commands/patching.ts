import { enablePatches, Immer } from 'immer'

enablePatches()

// A private instance, so an app that turns auto-freezing off for its own state cannot make
// this package hand out mutable documents.
const immer = new Immer({ autoFreeze: true })

/** immer's `produceWithPatches`, always freezing what it produces. */
export const produceWithPatches = immer.produceWithPatches
/** immer's `applyPatches`, always freezing what it produces. */
export const applyPatches = immer.applyPatches.bind(immer)
