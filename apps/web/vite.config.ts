import type { ClientRequest, IncomingMessage } from 'node:http'
import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'
import { shotchainPacks } from './packs-plugin.ts'

/** Where `pnpm start` listens; `pnpm --filter @shotchain/web dev` forwards the API there. */
const SERVER = process.env.SHOTCHAIN_SERVER_URL ?? 'http://127.0.0.1:5757'

/**
 * The server refuses a state-changing request whose `Origin` is not its own. Requests from the
 * page this dev server serves are re-labelled as the server's origin; any other page's Origin
 * passes through untouched, so the server still refuses it.
 */
function relabelOwnOrigin(proxyReq: ClientRequest, req: IncomingMessage): void {
  const origin = req.headers.origin
  if (origin !== undefined && origin === `http://${req.headers.host ?? ''}`) {
    proxyReq.setHeader('origin', SERVER)
  }
}

const toServer: ProxyOptions = {
  target: SERVER,
  changeOrigin: true,
  configure: (proxy) => proxy.on('proxyReq', relabelOwnOrigin),
}

export default defineConfig({
  // Node packs named by SHOTCHAIN_PACKS, from where the app is built (as `pnpm start` does).
  plugins: [react(), shotchainPacks(process.env, process.env.INIT_CWD ?? process.cwd())],
  resolve: { dedupe: ['react', 'react-dom', 'rete', 'rete-area-plugin'] },
  server: { proxy: { '/api': toServer, '/media': toServer } },
  // The editor's auto-arrange loads elkjs (~1.3 MB) as its own chunk, on first use only.
  build: { chunkSizeWarningLimit: 1500 },
})
