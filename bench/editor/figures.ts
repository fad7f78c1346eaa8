import { formatMs, mean, median, percentile, round } from '../measure.ts'
import type { BenchMode } from './bench-hooks.ts'
import type { FrameIntervals } from './gestures.ts'
import type { Sample } from './sample.ts'

/** Average and p95 of a gesture's frame intervals. */
export function frameStats(intervals: FrameIntervals) {
  return { avg: mean(intervals), p95: percentile(intervals, 95) }
}

export function describe(mode: BenchMode, i: number, s: Sample): string {
  const frames = (name: string, intervals: FrameIntervals) => {
    const { avg, p95 } = frameStats(intervals)
    return `${name} ${avg.toFixed(1)}/${p95.toFixed(1)} ms over ${intervals.length} frames`
  }
  return `  ${mode} #${i}: drawn ${formatMs(s.loadMs)}, settled ${formatMs(s.settledMs)}, ${s.domElements} elements, opened at scale ${s.openScale.toFixed(3)}, overview at ${s.overviewScale.toFixed(3)}; ${frames('pan', s.pan)}, ${frames('zoom', s.zoom)}; at 1:1 ${frames('pan', s.workPan)}, ${frames('zoom', s.workZoom)} (avg/p95)`
}

/** The medians over rounds. */
export function summarize(samples: readonly Sample[]) {
  const figure = (pick: (s: Sample) => number, digits = 3) =>
    round(median(samples.map(pick)), digits)
  return {
    loadMs: figure((s) => s.loadMs),
    settledMs: figure((s) => s.settledMs),
    zoomFrameMs: figure((s) => frameStats(s.zoom).avg),
    zoomP95Ms: figure((s) => frameStats(s.zoom).p95),
    panFrameMs: figure((s) => frameStats(s.pan).avg),
    panP95Ms: figure((s) => frameStats(s.pan).p95),
    domElements: figure((s) => s.domElements, 6),
    workPanFrameMs: figure((s) => frameStats(s.workPan).avg),
    workPanP95Ms: figure((s) => frameStats(s.workPan).p95),
    workZoomFrameMs: figure((s) => frameStats(s.workZoom).avg),
    workZoomP95Ms: figure((s) => frameStats(s.workZoom).p95),
  }
}

/** `{ loadMs }` → `{ stockLoadMs }`. */
export function withPrefix(prefix: string, figures: Readonly<Record<string, number>>) {
  return Object.fromEntries(
    Object.entries(figures).map(([name, value]) => [
      prefix + name.charAt(0).toUpperCase() + name.slice(1),
      value,
    ]),
  )
}
