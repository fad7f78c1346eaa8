export type { Patch } from 'immer'
export {
  type ApplyCommandsOptions,
  type ApplyCommandsResult,
  applyCommands,
} from './commands/apply-commands.ts'
export { duplicateCommand } from './commands/duplicate.ts'
export type {
  AddNodeCommand,
  ConnectCommand,
  DisconnectCommand,
  DuplicateCommand,
  GraphCommand,
  MoveCommand,
  RemoveNodeCommand,
  RenameCommand,
  SetLabelCommand,
  SetParamCommand,
  SetTakesCommand,
} from './commands/graph-command.ts'
export { MAX_JSON_DEPTH } from './document/json-value.ts'
export {
  MIGRATIONS,
  type Migration,
  type MigrationResult,
  type MigrationTable,
  migrateWorkflow,
} from './document/migrations.ts'
export {
  type ParseWorkflowOptions,
  type ParseWorkflowResult,
  parseWorkflow,
} from './document/parse-workflow.ts'
export { serializeWorkflow } from './document/serialize-workflow.ts'
export type {
  PortRef,
  PortType,
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
} from './document/types.ts'
export { createDocument, PORT_TYPES, WORKFLOW_FORMAT, WORKFLOW_VERSION } from './document/types.ts'
export {
  createHistory,
  type HistoryApplyOptions,
  type HistoryChange,
  type HistoryListener,
  type HistoryOptions,
  type WorkflowHistory,
} from './history/history.ts'
export type {
  MediaFacts,
  NodeRole,
  OutputRole,
  SequenceRole,
  ShotRole,
  SourceRole,
} from './roles/node-role.ts'
export {
  fileSourceFor,
  nodesWithRole,
  outputNameOf,
  parsedParams,
  playedSequence,
  type RoleNode,
  roleOf,
  shotsInPlayOrder,
  sourceFileOf,
  takesFileOf,
} from './roles/role-queries.ts'
export type { ClipEdit, DriftReport, SeamReport, StillRef } from './roles/sequence-edits.ts'
export { isNodePack, type NodePack, registerPacks } from './spec/node-pack.ts'
export {
  type AnyNodeSpec,
  defineNode,
  type InputSpec,
  type NodeCheckContext,
  type NodeCheckResult,
  type NodeOutputs,
  type NodeProgress,
  type NodeSpec,
  type OutputSpec,
  type RunContext,
  type SubmitOptions,
  type UpstreamNode,
} from './spec/node-spec.ts'
export { createRegistry, type NodeRegistry } from './spec/registry.ts'
export {
  MAX_TAKES,
  parseTakeNodeId,
  type Takes,
  takeNodeId,
  takeRunIds,
  takesOf,
} from './takes/takes.ts'
export { countText } from './util/count-text.ts'
export { usdText } from './util/usd-text.ts'
export { formatIssue, formatPath, hasErrors, type Issue, type IssueCode } from './validate/issue.ts'
export {
  analyzeDocument,
  type DocumentAnalysis,
  validateDocument,
} from './validate/validate-document.ts'
