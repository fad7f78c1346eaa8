/** The prefix of the workflow id a CLI run is recorded under. */
const CLI_PREFIX = 'cli:'

/**
 * The workflow id a CLI run of the file at `path` (absolute) is recorded under: `cli:<path>`, so
 * the runs of one file are listed together and never mixed with a server workflow's.
 * @public
 */
export function cliWorkflowId(path: string): string {
  return `${CLI_PREFIX}${path}`
}

/**
 * Whether a recorded run was started by the CLI. A server does not resume those: a CLI run cut
 * short is carried on by running the file again (its fal jobs are re-attached through the journal).
 * @public
 */
export function isCliRun(run: { readonly workflowId: string }): boolean {
  return run.workflowId.startsWith(CLI_PREFIX)
}
