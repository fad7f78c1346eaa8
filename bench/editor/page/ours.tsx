import type { MountEditor } from './mounted-editor.ts'

// SLOT: our editor. `ours` mode mounts `mountOurs`; while it is undefined the page reports the
// mode as unavailable (with `OURS_UNAVAILABLE`) and the runner prints null figures for it.

/** Why `ours` mode cannot run yet; printed by the runner. */
export const OURS_UNAVAILABLE = '@shotchain/editor does not export WorkflowEditor yet'

/**
 * Mounts `@shotchain/editor`'s `WorkflowEditor` on the document, or undefined until that
 * component exists. What the page expects of it: nodes drawn as `[data-testid="node"]`, each
 * connection as a `[data-testid="connection"]` element holding an svg `<path d=…>` (the selectors
 * of Rete's classic preset); zoom on the wheel and pan by dragging empty canvas, as a user does;
 * `surface()` returns the element a press on empty canvas lands on.
 *
 * @example
 * // The filled slot (OURS_UNAVAILABLE can stay: it is only read while mountOurs is undefined):
 * import { WorkflowEditor } from '@shotchain/editor'
 * import '@shotchain/editor/style.css'
 * import { createHistory } from '@shotchain/graph'
 * import { createRoot } from 'react-dom/client'
 *
 * export const mountOurs: MountEditor | undefined = (container, doc, registry) => {
 *   createRoot(container).render(
 *     <WorkflowEditor history={createHistory(doc)} registry={registry} />,
 *   )
 *   return { loaded: Promise.resolve(), surface: () => container.querySelector('…the canvas…') }
 * }
 */
export const mountOurs: MountEditor | undefined = undefined
