import { connect, createServer, type Socket } from 'node:net'

/** A TCP proxy in front of a server whose network can be cut, as a pulled cable would. */
export interface CutProxy {
  /** `http://127.0.0.1:<port>`: use it in place of the target's URL. */
  readonly url: string
  /**
   * Cuts the network: open connections stop dead (destroyed), new ones are accepted and never
   * answered — requests hang instead of failing fast, as they do without a route to fal.
   */
  cut(): void
  /** New connections reach the target again. */
  restore(): void
  close(): Promise<void>
}

/** Starts a {@link CutProxy} on a free loopback port in front of `targetUrl` (http://host:port). */
export async function startCutProxy(targetUrl: string): Promise<CutProxy> {
  const target = new URL(targetUrl)
  const sockets = new Set<Socket>()
  let isCut = false
  const server = createServer((client) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    if (isCut) return // held open, never answered
    const upstream = connect(Number(target.port), target.hostname)
    sockets.add(upstream)
    upstream.on('close', () => {
      sockets.delete(upstream)
      client.destroy()
    })
    upstream.on('error', () => upstream.destroy())
    client.on('close', () => upstream.destroy())
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      isCut = true
      for (const socket of sockets) socket.destroy()
    },
    restore() {
      isCut = false
    },
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}
