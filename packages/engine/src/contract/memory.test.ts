import { createMemoryCache } from '../cache/cache-store.ts'
import { createMemoryJournal } from '../journal/journal.ts'
import { describeCacheStoreContract } from './cache-store-contract.ts'
import { describeJournalContract } from './journal-contract.ts'

describeCacheStoreContract('memory cache', () => ({ store: createMemoryCache() }))
describeJournalContract('memory journal', () => ({ journal: createMemoryJournal() }))
