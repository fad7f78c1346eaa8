export type { PortRef, PortType, WorkflowDocument, WorkflowEdge, WorkflowNode } from './document/types.ts'
export { createDocument, PORT_TYPES, WORKFLOW_FORMAT, WORKFLOW_VERSION } from './document/types.ts'
export { ERROR_CODES, type ErrorCode, isErrorCode } from './errors/error-codes.ts'
export {
  type ErrorDetails,
  type ErrorInfo,
  ShotchainError,
  toErrorInfo,
} from './errors/shotchain-error.ts'
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
} from './spec/node-spec.ts'
export { createRegistry, type NodeRegistry } from './spec/registry.ts'
export { formatIssue, formatPath, hasErrors, type Issue, type IssueCode } from './validate/issue.ts'
