import { createPrng, pickIndex } from './prng.ts'

/** The input ports every bench node has, filled in this order. */
export const INPUT_PORTS = ['a', 'b', 'c'] as const
export type InputPort = (typeof INPUT_PORTS)[number]

/** One edge of the DAG, by node index: `from`'s only output feeds `to`'s input `port`. */
export interface DagEdge {
  readonly from: number
  readonly to: number
  readonly port: InputPort
}

/**
 * An engine-neutral layered DAG: nodes are 0..size-1, in layer order (so index order is a
 * topological order). Both benchmarks build their own graph from this one description.
 */
export interface RandomDag {
  readonly size: number
  readonly layerWidth: number
  /** Edges in target order, then port order. */
  readonly edges: readonly DagEdge[]
}

export interface DagOptions {
  readonly size: number
  readonly seed: number
  /** Nodes per layer; fixed, so larger graphs only add layers and keep the same local shape. */
  readonly layerWidth?: number
  /** Chance that an input comes from the previous layer rather than any earlier one. */
  readonly previousLayerBias?: number
}

/**
 * A seeded random layered DAG. Every node outside the first layer gets 1–3 inputs (uniformly),
 * from distinct nodes of earlier layers: each from the previous layer with probability
 * `previousLayerBias` (0.8), otherwise from a uniformly chosen earlier layer.
 */
export function createRandomDag(options: DagOptions): RandomDag {
  const { size, seed, layerWidth = 100, previousLayerBias = 0.8 } = options
  const random = createPrng(seed)
  const edges: DagEdge[] = []
  for (let to = layerWidth; to < size; to++) {
    const layer = Math.floor(to / layerWidth)
    const inputs = 1 + pickIndex(random, INPUT_PORTS.length)
    const sources = new Set<number>()
    while (sources.size < inputs) {
      const fromLayer = random() < previousLayerBias ? layer - 1 : pickIndex(random, layer)
      sources.add(fromLayer * layerWidth + pickIndex(random, layerWidth))
    }
    let port = 0
    for (const from of sources) edges.push({ from, to, port: INPUT_PORTS[port++] as InputPort })
  }
  return { size, layerWidth, edges }
}

/** Nodes no edge leaves: fetching these pulls the whole graph. */
export function findSinks(dag: RandomDag): number[] {
  const feeds = new Uint8Array(dag.size)
  for (const edge of dag.edges) feeds[edge.from] = 1
  const sinks: number[] = []
  for (let i = 0; i < dag.size; i++) if (feeds[i] === 0) sinks.push(i)
  return sinks
}
