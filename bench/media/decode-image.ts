import { resolve } from 'node:path'
import { createMediaTools } from '@shotchain/media'
import { percentile } from '../measure.ts'

// The cost of the real decode an image gets before it may be paid for (upload, plan-time
// pre-flight): ffprobe decoding the example 1280×720 JPEG in a child process, 30 times after one
// untimed call. One JSON line of figures on stdout. See docs/benchmarks.md.

const FILE = resolve(import.meta.dirname, '../../examples/images/harbour.jpg')
const RUNS = 30
const tools = createMediaTools()
await tools.decodeImage(FILE)
const samples: number[] = []
for (let i = 0; i < RUNS; i++) {
  const started = performance.now()
  const decoded = await tools.decodeImage(FILE)
  samples.push(performance.now() - started)
  if (!decoded.ok) throw new Error(`the example image did not decode: ${decoded.problem}`)
}
const round = (ms: number) => Number(ms.toFixed(1))
console.log(
  JSON.stringify({
    decode1280x720JpegP50Ms: round(percentile(samples, 50)),
    decode1280x720JpegP99Ms: round(percentile(samples, 99)),
  }),
)
