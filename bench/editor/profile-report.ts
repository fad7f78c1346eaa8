/** A Chrome trace event (the fields this report reads). */
export interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly ts: number
  readonly dur?: number
  readonly pid: number
  readonly tid: number
  readonly args?: Record<string, unknown>
}

/** A V8 CPU profile, as `Profiler.stop` returns it. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number
    readonly callFrame: {
      readonly functionName: string
      readonly url: string
      readonly lineNumber: number
    }
    readonly children?: readonly number[]
  }[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

const TOP = 18
const ms = (us: number) => (us / 1000).toFixed(2)

/**
 * Prints the self time per event name on the page's main thread (the renderer thread named
 * `CrRendererMain` that ran the most), per frame, and the busy time of the other threads.
 */
export function printTrace(events: readonly TraceEvent[], frames: number): void {
  const names = new Map<string, string>()
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, String(e.args?.name))
  // Busy time per thread: the union of its complete events' spans.
  const busy = new Map<string, number>()
  const reach = new Map<string, number>()
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph !== 'X' || e.dur === undefined) continue
    const key = `${e.pid}:${e.tid}`
    const from = Math.max(e.ts, reach.get(key) ?? 0)
    const to = e.ts + e.dur
    if (to > from) busy.set(key, (busy.get(key) ?? 0) + to - from)
    reach.set(key, Math.max(to, reach.get(key) ?? 0))
  }
  const mains = [...names].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key)
  const main = mains.sort((a, b) => (busy.get(b) ?? 0) - (busy.get(a) ?? 0))[0]
  const onMain = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && `${e.pid}:${e.tid}` === main)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const self = new Map<string, number>()
  const counts = new Map<string, number>()
  const stack: { end: number; name: string }[] = []
  for (const e of onMain) {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= e.ts) stack.pop()
    const parent = stack.at(-1)
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0))
    self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0))
    counts.set(e.name, (counts.get(e.name) ?? 0) + 1)
    stack.push({ end: e.ts + (e.dur ?? 0), name: e.name })
  }
  console.log('\nMain thread, self time by trace event (ms per frame, count per frame):')
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(
      `  ${ms(us / frames).padStart(7)}  ×${((counts.get(name) ?? 0) / frames).toFixed(1).padStart(6)}  ${name}`,
    )
  const stat = (name: string, field: string, where: 'beginData' | 'endData' | 'data' | '') => {
    const values = onMain
      .filter((e) => e.name === name)
      .map((e) =>
        Number(
          where === ''
            ? e.args?.[field]
            : (e.args?.[where] as Record<string, unknown> | undefined)?.[field],
        ),
      )
      .filter(Number.isFinite)
    return values.length === 0
      ? 'n/a'
      : `${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(0)} avg over ${values.length}`
  }
  console.log(
    `  UpdateLayoutTree elements restyled: ${stat('UpdateLayoutTree', 'elementCount', 'beginData')} / ${stat('UpdateLayoutTree', 'elementCount', '')}`,
  )
  console.log(
    `  Layout dirty objects: ${stat('Layout', 'dirtyObjects', 'beginData')}, total objects ${stat('Layout', 'totalObjects', 'beginData')}`,
  )
  const paints = new Map<string, { us: number; n: number }>()
  for (const e of onMain.filter((e) => e.name === 'Paint')) {
    const data = (e.args?.data ?? {}) as Record<string, unknown>
    const what = String(data.nodeName ?? data.nodeId ?? '?')
    const seen = paints.get(what) ?? { us: 0, n: 0 }
    paints.set(what, { us: seen.us + (e.dur ?? 0), n: seen.n + 1 })
  }
  console.log('  Paint by element (ms per frame, count per frame):')
  for (const [what, { us, n }] of [...paints].sort((a, b) => b[1].us - a[1].us).slice(0, 8))
    console.log(
      `    ${ms(us / frames).padStart(7)}  ×${(n / frames).toFixed(1).padStart(6)}  ${what}`,
    )
  console.log('Threads, busy ms per frame (union of trace events):')
  for (const [key, us] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(
      `  ${ms(us / frames).padStart(7)}  ${names.get(key) ?? key}${key === main ? ' (page main)' : ''}`,
    )
}

/** Prints the functions with the most self time and the most total time, ms per frame. */
export function printProfile(profile: CpuProfile, frames: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const key = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)?.callFrame ?? {
      functionName: '?',
      url: '',
      lineNumber: 0,
    }
    return `${functionName || '(anonymous)'} ${url ? `${url.split('/').at(-1)}:${lineNumber + 1}` : ''}`
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0
    self.set(key(id), (self.get(key(id)) ?? 0) + dt)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(key(at))
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + dt)
  })
  const print = (title: string, table: Map<string, number>) => {
    console.log(title)
    for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(`  ${ms(us / frames).padStart(7)}  ${name}`)
  }
  print('JS self time by function (ms per frame):', self)
  print('JS total time by function (ms per frame):', total)
}
