import { describeSpendLedgerContract } from '@shotchain/engine/contract'
import { makeTempHome, openTestStore } from '../testing/temp-home.ts'

describeSpendLedgerContract('sqlite ledger', () => {
  const home = makeTempHome()
  const store = openTestStore(home)
  return {
    ledger: store.spends,
    close: () => store.close(),
    reopen: () => openTestStore(home).spends,
  }
})
