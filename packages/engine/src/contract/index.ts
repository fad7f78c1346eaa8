export { describeCacheStoreContract } from './cache-store-contract.ts'
export { describeJournalContract } from './journal-contract.ts'
export { describeSpendLedgerContract } from './spend-ledger-contract.ts'
