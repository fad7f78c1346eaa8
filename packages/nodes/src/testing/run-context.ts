import type { NodeProgress, RunContext } from '@shotchain/graph'
import type { NodeServices } from '../services.ts'

/** A context to call one spec's `run` directly, outside the engine; it records what it saw. */
export function fakeRunContext<P>(
  params: P,
  inputs: Record<string, unknown>,
  services: NodeServices,
): RunContext<P, NodeServices> & { readonly progressed: NodeProgress[] } {
  const progressed: NodeProgress[] = []
  return {
    nodeId: 'n',
    params,
    inputs,
    signal: new AbortController().signal,
    services,
    resumeRequestId: undefined,
    submit: (send) => send(),
    progress: (p) => progressed.push(p),
    progressed,
  }
}
