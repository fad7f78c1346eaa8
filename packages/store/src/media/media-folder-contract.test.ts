import { join } from 'node:path'
import { makeTempHome } from '../testing/temp-home.ts'
import { createMediaFolder } from './media-folder.ts'
import { describeMediaStoreContract } from './media-store-contract.ts'

describeMediaStoreContract('media folder', () => {
  const home = makeTempHome()
  const root = join(home, 'media')
  return { media: createMediaFolder(root), scratch: home, reopen: () => createMediaFolder(root) }
})

describeMediaStoreContract('media folder shared by machines', () => {
  const home = makeTempHome()
  const root = join(home, 'media')
  return {
    media: createMediaFolder(root, { shared: true, host: 'render-1' }),
    scratch: home,
    reopen: () => createMediaFolder(root, { shared: true, host: 'render-2' }),
  }
})
