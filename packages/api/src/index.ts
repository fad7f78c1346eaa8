export {
  type ApiMethod,
  type ApiRequest,
  type ApiResponse,
  type ApiRoute,
  type ApiRouteName,
  apiRoutes,
  matchRoute,
  pathOf,
} from './routes/api-routes.ts'
export {
  type ApiAnswer,
  type CheckAnswerOptions,
  checkAnswer,
  checkRefusal,
  readAnswer,
} from './routes/read-answer.ts'
export { type ApiIssue, apiIssue, type ErrorBody, errorBody } from './schemas/error-body.ts'
export {
  type AddModelRequest,
  addModelRequest,
  type ModelList,
  type ModelSummary,
  modelList,
  modelSummary,
} from './schemas/models.ts'
export {
  type ParsedRunEvent,
  parseRunEvent,
  RUN_EVENT_TYPES,
  runEventJson,
} from './schemas/run-events.ts'
export {
  type CancelAccepted,
  cancelAccepted,
  type EstimateRequest,
  estimateRequest,
  type NodeRunState,
  nodeRunState,
  type PlannedNode,
  plannedNode,
  type ResubmitAccepted,
  type ResubmitRequest,
  type RunDetail,
  type RunEstimate,
  type RunList,
  type RunOutput,
  type RunPlan,
  type RunStarted,
  type RunStatus,
  type RunSummary,
  resubmitAccepted,
  resubmitRequest,
  runDetail,
  runEstimate,
  runList,
  runOutput,
  runPlan,
  runStarted,
  runStatus,
  runSummary,
  type StartRunRequest,
  startRunRequest,
} from './schemas/runs.ts'
export { type ServerStatus, serverStatus } from './schemas/status.ts'
export { type UploadedImage, uploadedImage } from './schemas/uploads.ts'
export {
  createWorkflowRequest,
  type SavedWorkflow,
  savedWorkflow,
  type UpdateWorkflowRequest,
  updateWorkflowRequest,
  type WorkflowDocumentJson,
  type WorkflowList,
  type WorkflowSummary,
  workflowDocumentJson,
  workflowList,
  workflowSummary,
} from './schemas/workflows.ts'
