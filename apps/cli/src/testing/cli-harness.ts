import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type FalEmulator, startFalEmulator } from '@shotchain/fal-emulator'
import type { TerminalStream } from '../cli-io.ts'
import { runCli } from '../run-cli.ts'

const EXAMPLES = resolve(import.meta.dirname, '../../../../examples')

/**
 * Fast emulator knobs: a short queue and run, and videos just over fal's 300 px minimum (each
 * shot's last frame is the next shot's start image).
 */
export const TEST_KNOBS = {
  queueLatencyMs: 20,
  runLatencyMs: 150,
  videoLongSide: 544,
  videoFps: 12,
}

/** A scratch copy of examples/ with its own state folder, and an emulator outliving CLI runs. */
export interface CliHarness {
  readonly dir: string
  readonly home: string
  readonly emulator: FalEmulator
  readonly env: NodeJS.ProcessEnv
  /** Runs the CLI in-process; resolves with its exit code and what it printed. */
  run(...argv: string[]): Promise<{ code: number; out: string; err: string }>
  /** Like `run`, with a hook on every printed line (e.g. to press Ctrl+C through `signal`). */
  runWatching(
    argv: readonly string[],
    signal: AbortSignal,
    onLine: (line: string) => void,
  ): Promise<{ code: number; out: string; err: string }>
  /**
   * Like `run`, as if stdout were `terminal`, a TTY a person watches (`run` draws its live view
   * there); `out` still collects the lines printed through the CLI's io.
   */
  runOnTerminal(
    terminal: TerminalStream,
    ...argv: string[]
  ): Promise<{ code: number; out: string; err: string }>
  /** Reads a workflow of the scratch folder, lets `edit` change it, writes it back. */
  editWorkflow(file: string, edit: (doc: WorkflowJson) => void): Promise<void>
  submits(): number
}

export interface WorkflowJson {
  nodes: { id: string; type: string; params: Record<string, unknown> }[]
  edges: { id: string; from: { node: string; port: string }; to: { node: string; port: string } }[]
}

export async function createCliHarness(): Promise<CliHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'shotchain-cli-'))
  await cp(EXAMPLES, dir, { recursive: true })
  const home = join(dir, '.state')
  const emulator = await startFalEmulator(TEST_KNOBS)
  const env = {
    PATH: process.env.PATH,
    SHOTCHAIN_HOME: home,
    SHOTCHAIN_FAL_EMULATOR_URL: emulator.url,
  }
  const invoke = async (
    argv: readonly string[],
    signal: AbortSignal,
    onLine: (line: string) => void,
    terminal: TerminalStream | undefined,
  ) => {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(argv, {
      env,
      cwd: dir,
      out: (line) => {
        out.push(line)
        onLine(line)
      },
      err: (line) => err.push(line),
      terminal,
      confirm: undefined,
      signal,
    })
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
  const runWatching: CliHarness['runWatching'] = (argv, signal, onLine) =>
    invoke(argv, signal, onLine, undefined)
  return {
    dir,
    home,
    emulator,
    env,
    run: (...argv) => runWatching(argv, new AbortController().signal, () => {}),
    runWatching,
    runOnTerminal: (terminal, ...argv) =>
      invoke(argv, new AbortController().signal, () => {}, terminal),
    async editWorkflow(file, edit) {
      const path = join(dir, file)
      const doc = JSON.parse(await readFile(path, 'utf8')) as WorkflowJson
      edit(doc)
      await writeFile(path, JSON.stringify(doc, null, 2))
    },
    submits: () => emulator.stats().totals.submits,
  }
}

/** Sets every Kling node's duration, to keep test clips short. */
export function shortShots(doc: WorkflowJson, seconds = 3): void {
  for (const node of doc.nodes) if (node.type === 'kling-o1-i2v') node.params.duration = seconds
}
