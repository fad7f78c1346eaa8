import type { NodeRegistry } from '@shotchain/graph'
import type { MediaTools } from '@shotchain/media'
import type { ModelShelf } from '@shotchain/runtime'
import type { EventFeed, Store } from '@shotchain/store'
import type { RunManager } from '../runs/run-manager.ts'
import type { PathHider } from './hide-paths.ts'

/** What the routes work with; built once by the server. */
export interface AppContext {
  readonly store: Store
  readonly runs: RunManager
  /** Wakes SSE followers when a run may have new events in the store. */
  readonly feed: EventFeed
  readonly registry: NodeRegistry
  /** The fal models the palette offers; fetching one by id registers its node. */
  readonly models: ModelShelf
  /** ffmpeg/ffprobe: uploads are decoded before they are stored. */
  readonly mediaTools: MediaTools
  /** `fal` when runs are billed by fal, else `offline-emulator`; sent on every response. */
  readonly fal: 'fal' | 'offline-emulator'
  /** The `host:port` values requests must name (known once the server listens). */
  readonly hosts: () => readonly string[]
  /** apps/web's built `dist/`, when it exists. */
  readonly webDist: string | undefined
  readonly now: () => number
  /** The most nodes a workflow may have (`SHOTCHAIN_MAX_NODES`). */
  readonly maxNodes: number
  readonly log: (line: string) => void
  /** Takes absolute paths of this machine out of what the browser is sent. */
  readonly hide: PathHider
}
