/** The open workflow's id in the address (`#<id>`), so a reload opens it again. */
export function readHashId(): string | undefined {
  const id = decodeURIComponent(window.location.hash.slice(1))
  return id === '' ? undefined : id
}

/** Puts `id` in the address without adding a browser history entry; undefined clears it. */
export function writeHashId(id: string | undefined): void {
  const url = new URL(window.location.href)
  url.hash = id === undefined ? '' : encodeURIComponent(id)
  window.history.replaceState(window.history.state, '', url)
}
