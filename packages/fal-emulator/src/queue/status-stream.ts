import type { ServerResponse } from 'node:http'
import type { Reply } from '../server/reply.ts'
import { type Job, statusBody } from './job.ts'
import type { JobQueue } from './job-queue.ts'

/** fal sends an SSE comment this often so proxies keep the stream open. */
const KEEPALIVE_MS = 15_000

/**
 * The `/status/stream` reply: one `data:` event per change of state, queue position or logs,
 * closed right after the COMPLETED event. With `logs=1` each event carries only the lines new
 * since the previous event (the client accumulates them); otherwise `logs` is null.
 */
export function statusStreamReply(job: Job, queue: JobQueue, withLogs: boolean): Reply {
  return {
    kind: 'custom',
    write(res: ServerResponse) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-fal-request-id': job.id,
      })
      let sentLogs = 0
      let lastKey = ''
      const send = () => {
        if (res.writableEnded) return
        const position = queue.position(job)
        const key = `${job.state}:${job.state === 'IN_QUEUE' ? position : ''}`
        const fresh = job.logs.length > sentLogs
        if (key === lastKey && !(withLogs && fresh)) return
        const logs = withLogs ? job.logs.slice(sentLogs) : null
        sentLogs = job.logs.length
        lastKey = key
        res.write(`data: ${JSON.stringify(statusBody(job, position, logs))}\n\n`)
        if (job.state === 'COMPLETED') close()
      }
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
      const unsubscribe = queue.onChange(send)
      function close() {
        clearInterval(keepalive)
        unsubscribe()
        if (!res.writableEnded) res.end()
      }
      res.on('close', close)
      send()
    },
  }
}
