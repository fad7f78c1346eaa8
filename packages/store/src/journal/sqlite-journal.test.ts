import { describeJournalContract } from '@shotchain/engine/contract'
import { makeTempHome, openTestStore } from '../testing/temp-home.ts'

describeJournalContract('sqlite journal', () => {
  const home = makeTempHome()
  const store = openTestStore(home)
  return {
    journal: store.journal,
    close: () => store.close(),
    reopen: () => openTestStore(home).journal,
  }
})
