/**
 * FIFO queues with a concurrency limit per resource (e.g. `{ fal: 4 }`). Work with no resource,
 * or a resource without a limit, starts at once.
 */
export class ResourcePools<T> {
  readonly #limits: Readonly<Record<string, number>>
  readonly #pools = new Map<string, { active: number; queue: T[]; head: number }>()

  constructor(limits: Readonly<Record<string, number>> = {}) {
    for (const [name, limit] of Object.entries(limits)) {
      if (!(limit >= 1))
        throw new RangeError(`limit for "${name}" must be at least 1, not ${limit}`)
    }
    this.#limits = limits
  }

  /** Queues an item; returns the items that may start now (in queue order). */
  enqueue(resource: string | undefined, item: T): T[] {
    const pool = this.#pool(resource)
    pool.queue.push(item)
    return this.#drain(resource, pool)
  }

  /** Frees one slot; returns the items that may start now. */
  release(resource: string | undefined): T[] {
    const pool = this.#pool(resource)
    pool.active--
    return this.#drain(resource, pool)
  }

  /** Empties every queue (running items keep their slots); returns what was waiting. */
  clearQueued(): T[] {
    const dropped: T[] = []
    for (const pool of this.#pools.values()) {
      dropped.push(...pool.queue.slice(pool.head))
      pool.queue = []
      pool.head = 0
    }
    return dropped
  }

  #pool(resource: string | undefined) {
    const name = resource ?? ''
    let pool = this.#pools.get(name)
    if (pool === undefined) {
      pool = { active: 0, queue: [], head: 0 }
      this.#pools.set(name, pool)
    }
    return pool
  }

  #drain(resource: string | undefined, pool: { active: number; queue: T[]; head: number }): T[] {
    const limit = (resource !== undefined && this.#limits[resource]) || Number.POSITIVE_INFINITY
    const started: T[] = []
    while (pool.active < limit && pool.head < pool.queue.length) {
      started.push(pool.queue[pool.head] as T)
      pool.head++
      pool.active++
    }
    if (pool.head > 1024 && pool.head * 2 > pool.queue.length) {
      pool.queue = pool.queue.slice(pool.head)
      pool.head = 0
    }
    return started
  }
}
