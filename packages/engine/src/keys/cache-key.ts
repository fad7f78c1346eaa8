import { canonicalJson } from './canonical-json.ts'
import type { HashText } from './hash.ts'

/** Where one input's value comes from: the upstream node's cache key and its output port. */
export interface InputSource {
  readonly key: string
  readonly port: string
}

/** One input port and its sources, in edge order for list inputs. */
export interface KeyedInput {
  readonly port: string
  readonly sources: readonly InputSource[]
}

export interface CacheKeyParts {
  readonly type: string
  readonly version: number
  /** The params after the spec's schema filled its defaults. */
  readonly params: unknown
  /** Input ports with edges, in any order; ports without edges are left out. */
  readonly inputs: readonly KeyedInput[]
  /** What the node reads from outside the document (see `NodeSpec.fingerprint`). */
  readonly fingerprint?: string
}

/**
 * The part of a node's key text that depends on the node alone: type, version, params, and the
 * fingerprint of what it reads from outside the document, when it has one.
 */
export function keyTextOfNode(
  type: string,
  version: number,
  params: unknown,
  fingerprint?: string,
): string {
  const outside = fingerprint === undefined ? '' : `${JSON.stringify(fingerprint)}|`
  return `${JSON.stringify(type)}@${version}|${canonicalJson(params)}|${outside}`
}

/** The part of a node's key text that depends on what feeds it. */
export function keyTextOfInputs(inputs: readonly KeyedInput[]): string {
  const sorted = inputs.length > 1 ? [...inputs].sort(byPort) : inputs
  let text = ''
  for (const input of sorted) {
    text += `${JSON.stringify(input.port)}:[`
    for (let i = 0; i < input.sources.length; i++) {
      const source = input.sources[i] as InputSource
      text += `${i === 0 ? '' : ','}${JSON.stringify(`${source.key}/${source.port}`)}`
    }
    text += '];'
  }
  return text
}

function byPort(a: KeyedInput, b: KeyedInput): number {
  return a.port < b.port ? -1 : a.port > b.port ? 1 : 0
}

/**
 * The content address of a node's result: a hash of its type, type version, canonical params
 * and the cache keys of what feeds it. Node ids and positions are not part of it, so a
 * renamed, moved or duplicated node with the same work finds the same result.
 */
export function computeCacheKey(parts: CacheKeyParts, hash: HashText): string {
  return hash(
    keyTextOfNode(parts.type, parts.version, parts.params) + keyTextOfInputs(parts.inputs),
  )
}
