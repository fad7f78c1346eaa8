import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

const NOT_BUILT = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Shotchain</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Shotchain server</h1>
<p>The editor is not built yet (apps/web has no <code>dist/</code>). The API is running:
see <a href="/api/status">/api/status</a>.</p>
</body></html>
`

/** `/`: apps/web's built files when `dist` holds an index.html, else a page saying so. */
export function webRoutes(dist: string | undefined): Hono {
  const routes = new Hono()
  if (dist !== undefined && existsSync(join(dist, 'index.html'))) {
    // serveStatic takes a root relative to the working directory.
    routes.use('*', serveStatic({ root: relative(process.cwd(), dist) || '.' }))
    // The app's own paths fall back to index.html; an unknown API or media path stays a 404.
    routes.get('/api/*', (c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404))
    routes.get('/media/*', (c) => c.json({ error: `no media at ${c.req.path}` }, 404))
    routes.get('*', serveStatic({ root: relative(process.cwd(), dist) || '.', path: 'index.html' }))
    return routes
  }
  routes.get('/', (c) => c.html(NOT_BUILT))
  return routes
}
