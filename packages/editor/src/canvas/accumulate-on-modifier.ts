/**
 * Whether a click adds to the selection: Ctrl (Cmd on a Mac) held on the last pointer press in
 * `container`. Read from the press itself, not from key events, so a Ctrl released outside the
 * window never sticks. Listens in the capture phase: node views stop the press on its way up.
 */
export function accumulateOnModifier(container: HTMLElement) {
  let held = false
  const press = (event: PointerEvent) => {
    held = event.ctrlKey || event.metaKey
  }
  container.addEventListener('pointerdown', press, { capture: true })
  return {
    active: () => held,
    destroy: () => container.removeEventListener('pointerdown', press, { capture: true }),
  }
}
