export { describeCacheStoreContract } from './cache-store-contract.ts'
export { describeJournalContract } from './journal-contract.ts'
