import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliHarness, createCliHarness, shortShots } from './testing/cli-harness.ts'

const MAIN = resolve(import.meta.dirname, 'main.ts')
const TSX = join(
  dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
  'dist',
  'loader.mjs',
)

let h: CliHarness

beforeAll(async () => {
  h = await createCliHarness()
  await h.editWorkflow('three-shot-chain.json', (doc) => shortShots(doc))
}, 60_000)

afterAll(() => h?.emulator.stop())

/** Starts the real CLI process and SIGKILLs it once its output matches `when`. */
function runAndKill(when: RegExp): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, 'run', 'three-shot-chain.json'], {
      cwd: h.dir,
      env: h.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (when.test(out)) child.kill('SIGKILL')
    })
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(out)
      else reject(new Error(`the CLI ended (${code}) before it could be killed:\n${out}`))
    })
  })
}

describe('shotchain run killed mid-run', () => {
  it('re-attaches to the job it paid for instead of paying again', async () => {
    h.emulator.configure({ runLatencyMs: 4_000 })
    const before = await runAndKill(/shot2\s+submitted to fal/)
    expect(before).toMatch(/shot1\s+done/)
    expect(h.emulator.stats().submits['fal-ai/kling-video/o1/standard/image-to-video']).toBe(2)

    h.emulator.configure({ runLatencyMs: 150 })
    const { code, out } = await h.run('run', 'three-shot-chain.json')
    expect(code).toBe(0)
    expect(out).toMatch(/shot2\s+.*re-attach/)
    // shot1 from the cache, shot2 re-attached, shot3 new: three submits in all, not four.
    expect(h.emulator.stats().submits['fal-ai/kling-video/o1/standard/image-to-video']).toBe(3)
  }, 120_000)

  it('cancels the running fal job when the run is cancelled (Ctrl+C)', async () => {
    await h.editWorkflow('three-shot-chain.json', (doc) => {
      const prompt = doc.nodes.find((n) => n.id === 'prompt1')
      if (prompt) prompt.params.text = '@Image1: a different first shot, cancelled mid-way'
    })
    h.emulator.configure({ runLatencyMs: 4_000 })
    const cancelledBefore = h.emulator.stats().totals.cancelled
    const ctrlC = new AbortController()
    const { code, out } = await h.runWatching(
      ['run', 'three-shot-chain.json'],
      ctrlC.signal,
      (line) => {
        if (/shot1\s+submitted to fal/.test(line)) setTimeout(() => ctrlC.abort(), 100)
      },
    )
    h.emulator.configure({ runLatencyMs: 150 })
    expect(code).toBe(130)
    expect(out).toMatch(/shot1\s+cancelled/)
    expect(out).toMatch(/shot3\s+cancelled/)
    expect(h.emulator.stats().totals.cancelled).toBe(cancelledBefore + 1)

    // The next plan re-attaches to the cancelled job, and counts the submit that would replace
    // it if fal really stopped it: a budget below that refuses the run before anything is sent.
    const submits = h.emulator.stats().totals.submits
    const refused = await h.run('run', 'three-shot-chain.json', '--budget', '0.05')
    expect(refused.code).toBe(3)
    expect(refused.out).toMatch(/re-attach to fal request .* only if fal lost it/)
    expect(refused.err).toMatch(/over the budget of \$0\.05/)
    expect(h.emulator.stats().totals.submits).toBe(submits)
  }, 60_000)

  it('prices a chosen resubmit, so the budget refuses it before it is sent', async () => {
    await h.editWorkflow('three-shot-chain.json', (doc) => {
      const prompt = doc.nodes.find((n) => n.id === 'prompt1')
      if (prompt) prompt.params.text = '@Image1: a first shot whose submit was lost'
    })
    // The connection drops after fal queued shot 1: the journal holds it as submitting.
    h.emulator.configure({ faultScript: [{ route: 'submit', fault: 'dropAfter' }] })
    const lost = await h.run('run', 'three-shot-chain.json')
    expect(lost.code).toBe(1)
    expect(lost.err).toMatch(/shot1.*may or may not have been queued/)
    const submits = h.emulator.stats().totals.submits
    const estimate = await h.run('estimate', 'three-shot-chain.json')
    expect(estimate.out).toMatch(/shot1\s+kling-o1-i2v\s+NEEDS A DECISION/)
    // Shots 2 and 3 cost $0.50; submitting shot 1 again adds $0.25: over $0.60.
    const refused = await h.run(
      'run',
      'three-shot-chain.json',
      '--resubmit',
      'shot1',
      '--budget',
      '0.60',
    )
    expect(refused.code).toBe(3)
    expect(refused.out).toMatch(/estimate: .*\$0\.76/)
    expect(refused.err).toMatch(/over the budget of \$0\.60/)
    expect(h.emulator.stats().totals.submits).toBe(submits)
  }, 60_000)
})
