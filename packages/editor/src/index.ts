export { MAP_ZOOM } from './canvas/map-layer.ts'
export type {
  CanvasPoint,
  EditorApi,
  NodeRunStatus,
  PaletteFooterProps,
  TakeRunStatus,
  WorkflowEditorProps,
} from './editor-props.ts'
export { type ConnectIntent, connectIntent, type SocketRef } from './model/connect-intent.ts'
export { connectionIssues } from './model/connection-issues.ts'
export { GEOMETRY } from './model/geometry.ts'
export { type IssueLike, issueText } from './model/issue-text.ts'
export { type DroppedFile, fileFillCommands, fileNodeCommands } from './model/new-nodes.ts'
export { nextShotCommands } from './model/next-shot.ts'
export { shortcutSheet } from './model/shortcuts.ts'
export {
  GENERIC_BODY_HEIGHT,
  type NodeAction,
  type NodeBodyProps,
  type NodeView,
  type NodeViewEditor,
  type NodeViews,
} from './views/node-view.ts'
export { useParam } from './views/use-param.ts'
export { WorkflowEditor } from './WorkflowEditor.tsx'
