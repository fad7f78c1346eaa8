import { describeRunLeaseContract } from '../runs/run-lease-contract.ts'
import { describeEngineStores } from './engine-stores.contract.ts'
import { describeNodeRunStore } from './node-run-store.contract.ts'
import { describeProcesses } from './processes.contract.ts'
import { describeRunEventLog } from './run-event-log.contract.ts'
import { describeRunStore } from './run-store.contract.ts'
import { describeSharing } from './sharing.contract.ts'
import type { OpenTestStore } from './test-stores.ts'
import { describeUploadCache } from './upload-cache.contract.ts'
import { describeWorkflowStore } from './workflow-store.contract.ts'

/** Every contract suite of the store, on the stores `open` gives (one per test). */
export function describeStoreContracts(name: string, open: OpenTestStore): void {
  describeEngineStores(name, open)
  describeUploadCache(name, open)
  describeWorkflowStore(name, open)
  describeRunStore(name, open)
  describeRunLeaseContract(name, () => {
    const { store, reopen, close } = open()
    return { runs: store.runs, reopen: () => reopen().runs, close }
  })
  describeNodeRunStore(name, open)
  describeRunEventLog(name, open)
  describeSharing(name, open)
  describeProcesses(name, open)
}
