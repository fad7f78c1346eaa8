import { canonicalJson } from './canonical-json.ts'
import type { HashText } from './hash.ts'

/** Where one input's value comes from: the upstream node's cache key and its output port. */
export interface InputSource {
  readonly key: string
  readonly port: string
}

export interface CacheKeyParts {
  readonly type: string
  readonly version: number
  /** The params after the spec's schema filled its defaults. */
  readonly params: unknown
  /** Per input port: its sources, in edge order for list inputs. Ports without edges are left out. */
  readonly inputs: ReadonlyMap<string, readonly InputSource[]>
}

/**
 * The content address of a node's result: a hash of its type, type version, canonical params
 * and the cache keys of what feeds it. Node ids and positions are not part of it, so a
 * renamed, moved or duplicated node with the same work finds the same result.
 */
export function computeCacheKey(parts: CacheKeyParts, hash: HashText): string {
  const ports = [...parts.inputs.keys()].sort()
  let inputs = ''
  for (const port of ports) {
    const sources = parts.inputs.get(port) ?? []
    inputs += `${JSON.stringify(port)}:[${sources.map((s) => JSON.stringify(`${s.key}/${s.port}`)).join(',')}];`
  }
  const text = `${JSON.stringify(parts.type)}@${parts.version}|${canonicalJson(parts.params)}|${inputs}`
  return hash(text)
}
