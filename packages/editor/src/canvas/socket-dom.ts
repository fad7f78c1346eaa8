import type { SocketRef } from '../model/connect-intent.ts'

/** The attributes a socket element carries, so a drop can tell which port is under the pointer. */
export function socketAttributes(socket: SocketRef) {
  return {
    'data-socket-node': socket.node,
    'data-socket-side': socket.side,
    'data-socket-port': socket.port,
  }
}

/** The socket under a screen point, if any. */
export function socketAt(clientX: number, clientY: number): SocketRef | undefined {
  for (const element of document.elementsFromPoint(clientX, clientY)) {
    if (!(element instanceof HTMLElement)) continue
    const { socketNode, socketSide, socketPort } = element.dataset
    if (socketNode && socketPort && (socketSide === 'input' || socketSide === 'output')) {
      return { node: socketNode, side: socketSide, port: socketPort }
    }
  }
  return undefined
}
