import type { SocketRef } from '../model/connect-intent.ts'

/** The attributes a socket element carries, so a drop can tell which port is under the pointer. */
export function socketAttributes(socket: SocketRef) {
  return {
    'data-socket-node': socket.node,
    'data-socket-side': socket.side,
    'data-socket-port': socket.port,
  }
}

/** The socket an element stands for (see `socketAttributes`); undefined for any other element. */
export function socketOf(element: Element): SocketRef | undefined {
  if (!(element instanceof HTMLElement)) return undefined
  const { socketNode, socketSide, socketPort } = element.dataset
  if (socketNode && socketPort && (socketSide === 'input' || socketSide === 'output')) {
    return { node: socketNode, side: socketSide, port: socketPort }
  }
  return undefined
}

/** The socket element `target` is in, if any: where a press on a socket starts a drag. */
export function socketElement(target: Element): HTMLElement | null {
  return target.closest<HTMLElement>('[data-socket-node]')
}

/** The socket under a screen point, if any. */
export function socketAt(clientX: number, clientY: number): SocketRef | undefined {
  for (const element of document.elementsFromPoint(clientX, clientY)) {
    const socket = socketOf(element)
    if (socket) return socket
  }
  return undefined
}
