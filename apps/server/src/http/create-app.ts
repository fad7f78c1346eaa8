import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { eventRoutes } from '../routes/event-routes.ts'
import { mediaRoutes } from '../routes/media-routes.ts'
import { modelRoutes } from '../routes/model-routes.ts'
import { runRoutes } from '../routes/run-routes.ts'
import { uploadRoutes } from '../routes/upload-routes.ts'
import { webRoutes } from '../routes/web-routes.ts'
import { workflowRoutes } from '../routes/workflow-routes.ts'
import type { AppContext } from './app-context.ts'
import { guardOrigin } from './guard-origin.ts'

/** The largest JSON body the API reads (a workflow document with room to spare). */
export const MAX_JSON_BYTES = 2 * 1024 * 1024

/**
 * The HTTP app: the Host/Origin guard on everything, the `X-Shotchain-Fal` header on every
 * response, size-limited bodies, the JSON API under `/api`, media under `/media`, the web app at
 * `/`. Unknown routes are a JSON 404; a server bug is a JSON 500 without a stack trace.
 */
export function createApp(app: AppContext): Hono {
  const http = new Hono()
  http.use('*', async (c, next) => {
    c.header('X-Shotchain-Fal', app.fal)
    await next()
  })
  http.use('*', guardOrigin(app.hosts))
  http.use('/api/*', async (c, next) => {
    if (c.req.path === '/api/uploads') return next()
    return bodyLimit({
      maxSize: MAX_JSON_BYTES,
      onError: (c) =>
        c.json(
          { error: `the request body is over the ${MAX_JSON_BYTES / 1024 / 1024} MB limit` },
          413,
        ),
    })(c, next)
  })

  http.get('/api/status', (c) =>
    c.json({
      fal: app.fal === 'fal' ? 'fal' : 'offline emulator',
      workflows: app.store.workflows.list().length,
      home: app.hide.home,
    }),
  )
  http.route('/api/models', modelRoutes(app))
  http.route('/api/workflows', workflowRoutes(app))
  http.route('/api/uploads', uploadRoutes(app))
  http.route('/api', runRoutes(app))
  http.route('/api', eventRoutes(app))
  http.route('/media', mediaRoutes(app))
  http.route('/', webRoutes(app.webDist))

  http.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404))
  http.onError((error, c) => {
    app.log(`error in ${c.req.method} ${c.req.path}: ${error.stack ?? String(error)}`)
    return c.json({ error: 'internal server error; the server log has the details' }, 500)
  })
  return http
}
