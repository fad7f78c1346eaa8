import type { CliArgs } from '../cli-args.ts'
import { type CliIo, EXIT } from '../cli-io.ts'
import { describePlan } from '../output/plan-view.ts'
import { prepareRun } from './prepare-run.ts'

/** `shotchain validate`: every problem that would stop a run, or "valid". Sends nothing to fal. */
export async function validateCommand(args: CliArgs, io: CliIo): Promise<number> {
  const prepared = await prepareRun(args, io, false)
  if (prepared === undefined) return EXIT.invalid
  await prepared.services.close()
  const warnings = prepared.planned.warnings
  for (const w of warnings) io.out(`warning [node ${w.nodeId ?? '-'}] ${w.path}: ${w.message}`)
  io.out(`${args.file}: valid (${prepared.doc.nodes.length} nodes)`)
  return EXIT.ok
}

/** `shotchain estimate`: the plan and its cost, without running anything. */
export async function estimateCommand(args: CliArgs, io: CliIo): Promise<number> {
  const prepared = await prepareRun(args, io, false)
  if (prepared === undefined) return EXIT.invalid
  await prepared.services.close()
  for (const line of describePlan(prepared.planned, prepared.services.falMode)) io.out(line)
  return EXIT.ok
}
