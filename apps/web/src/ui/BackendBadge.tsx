interface BackendBadgeProps {
  /** The server's fal mode, or undefined when there is no server. */
  readonly fal: string | undefined
}

/** Whether there is a server, and whether its runs would be billed. */
export function BackendBadge({ fal }: BackendBadgeProps) {
  if (fal === undefined) {
    return (
      <span
        className="badge badge-local"
        title="Workflows are saved in this browser. Start `pnpm start` for images, runs and saving on the server."
      >
        No server: saving in this browser
      </span>
    )
  }
  const billed = fal === 'fal'
  return (
    <span
      className={`badge ${billed ? 'badge-billed' : 'badge-offline'}`}
      title={
        billed
          ? 'FAL_KEY is set: Kling runs are billed by fal'
          : 'No FAL_KEY: runs use the offline emulator (synthetic clips, nothing billed)'
      }
    >
      {billed ? 'fal: runs are billed' : 'offline emulator'}
    </span>
  )
}
