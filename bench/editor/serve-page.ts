import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const PAGE_DIR = join(import.meta.dirname, 'page')
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

/** The built benchmark page, served on 127.0.0.1. */
export interface ServedPage {
  /** The page's address, without a query. */
  readonly url: string
  close(): Promise<void>
}

/**
 * Builds `page/` with Vite (production mode, React plugin) into `outDir`; `minify: false` keeps
 * function names for a profile. Quiet unless it fails.
 */
export async function buildPage(outDir: string, { minify = true } = {}): Promise<void> {
  await build({
    root: PAGE_DIR,
    base: './',
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    // One bundle of both editors (≈ 1 MB); nothing is split or lazy-loaded.
    build: {
      outDir,
      minify,
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
    },
  })
}

/** Serves the files of `dir` (GET only) on a free port of 127.0.0.1. */
export async function servePage(dir: string): Promise<ServedPage> {
  const server: Server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
    const file = join(dir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(dir)) {
      response.writeHead(403).end()
      return
    }
    try {
      const body = await readFile(file)
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
      response.writeHead(200, { 'content-type': type }).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
