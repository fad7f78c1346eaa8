import { describeStoreContracts } from './store-contracts.ts'
import { postgresStores } from './test-stores.ts'

describeStoreContracts('postgres', postgresStores())
