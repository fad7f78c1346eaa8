/** The smallest text a person reads without effort, in CSS px on screen. */
export const LEGIBLE_TEXT_PX = 11

/**
 * The zoom at which a node body's text is {@link LEGIBLE_TEXT_PX} on screen (at most 1), from
 * the font size the stylesheet really gives a node body in `container` (a probe card, measured
 * and removed). A page without the stylesheet gets 1.
 */
export function legibleZoom(container: HTMLElement): number {
  const probe = document.createElement('div')
  probe.className = 'sc-node'
  probe.style.visibility = 'hidden'
  probe.style.position = 'absolute'
  const body = document.createElement('div')
  body.className = 'sc-node__body'
  probe.append(body)
  container.append(probe)
  const size = Number.parseFloat(getComputedStyle(body).fontSize)
  probe.remove()
  return Number.isFinite(size) && size > 0 ? Math.min(1, LEGIBLE_TEXT_PX / size) : 1
}
