import { useBackend } from '../hooks/use-backend.ts'
import { Workspace } from './Workspace.tsx'

/** Finds out where to save (the server, else this browser), then shows the workspace. */
export function App() {
  const backend = useBackend()
  if (backend === undefined)
    return <p className="app-loading">Connecting to the Shotchain server…</p>
  return <Workspace backend={backend} />
}
