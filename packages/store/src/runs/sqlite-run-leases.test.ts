import { onTestFinished } from 'vitest'
import { openStore } from '../store.ts'
import { makeTempHome } from '../testing/temp-home.ts'
import { describeRunLeaseContract } from './run-lease-contract.ts'

describeRunLeaseContract('sqlite runs', () => {
  const home = makeTempHome()
  const store = openStore(home)
  onTestFinished(() => store.close())
  return {
    runs: store.runs,
    reopen() {
      const other = openStore(home)
      onTestFinished(() => other.close())
      return other.runs
    },
  }
})
