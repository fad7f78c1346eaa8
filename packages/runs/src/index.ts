export { describeRun, type RunOutput, summarizeRun } from './describe/describe-run.ts'
export { cliWorkflowId, isCliRun } from './lifecycle/cli-runs.ts'
export { finishUnrun } from './lifecycle/resume-run.ts'
export type { RunDeps, RunLease } from './lifecycle/run-deps.ts'
export {
  createRunLifecycle,
  type ResubmitResult,
  type RunLifecycle,
} from './lifecycle/run-lifecycle.ts'
export {
  overBudget,
  planForRun,
  type RunRefusal,
  type StartRunRequest,
  type StartRunResult,
} from './lifecycle/start-run.ts'
export {
  createEventRecorder,
  type EventSink,
  nodesAwaitingDecision,
  readEvents,
  type StoredEvent,
} from './record/record-event.ts'
