import { describeStoreContracts } from './store-contracts.ts'
import { sqliteStores } from './test-stores.ts'

describeStoreContracts('sqlite', sqliteStores())
