import { describeSpendLedgerContract } from '../contract/spend-ledger-contract.ts'
import { createMemoryLedger } from './spend-ledger.ts'

describeSpendLedgerContract('memory ledger', () => ({ ledger: createMemoryLedger() }))
