import { readFile } from 'node:fs/promises'
import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { FalGateway } from '@shotchain/fal'
import type { FalServices } from '@shotchain/nodes'
import { extensionFor, type Store } from '@shotchain/store'

/** The nodes' view of fal: the gateway, with media from the store uploaded once per content. */
export function createFalServices(gateway: FalGateway, store: Store): FalServices {
  return {
    mode: gateway.mode,
    submit: (endpoint, input, signal) => gateway.submit(endpoint, input, { signal }),
    wait: (endpoint, requestId, { signal, onProgress }) =>
      gateway.wait(endpoint, requestId, {
        signal,
        onProgress: (p) =>
          onProgress({
            status: p.status === 'queued' ? 'queued' : 'running',
            ...(p.queuePosition === undefined ? {} : { queuePosition: p.queuePosition }),
            logs: p.logs,
          }),
      }),
    async urlOf(media) {
      if (media.sourceUrl !== undefined) return media.sourceUrl
      const path = store.media.pathOf(media.hash)
      if (path === undefined) {
        throw new ShotchainError(
          ERROR_CODES.internal,
          `media ${media.hash} is missing from the store`,
        )
      }
      return gateway.upload({
        bytes: await readFile(path),
        contentType: media.contentType,
        fileName: `${media.hash.slice(0, 16)}${extensionFor(media.contentType)}`,
      })
    },
  }
}
