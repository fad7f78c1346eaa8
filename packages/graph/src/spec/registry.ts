import type { AnyNodeSpec } from './node-spec.ts'

/** The node types a workflow may use. Node packs register into it; the engine reads from it. */
export interface NodeRegistry {
  get(type: string): AnyNodeSpec | undefined
  list(): readonly AnyNodeSpec[]
  /** Adds a spec. Throws when the type is already registered: two packs claiming one type is a bug. */
  register(spec: AnyNodeSpec): void
}

export function createRegistry(specs: readonly AnyNodeSpec[] = []): NodeRegistry {
  const byType = new Map<string, AnyNodeSpec>()
  const registry: NodeRegistry = {
    get: (type) => byType.get(type),
    list: () => [...byType.values()],
    register(spec) {
      if (byType.has(spec.type)) throw new Error(`node type "${spec.type}" is already registered`)
      if (!Number.isInteger(spec.version) || spec.version < 1) {
        throw new Error(`node type "${spec.type}" needs a whole version of 1 or more`)
      }
      byType.set(spec.type, spec)
    },
  }
  for (const spec of specs) registry.register(spec)
  return registry
}
