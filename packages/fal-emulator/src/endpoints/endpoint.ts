import type { EmulatorKnobs } from '../config/knobs.ts'
import type { EmulatorMedia } from './media-port.ts'

/** What a running job may use. */
export interface JobContext {
  readonly requestId: string
  /** Fires when the job is cancelled or the emulator stops. */
  readonly signal: AbortSignal
  readonly knobs: EmulatorKnobs
  readonly media: EmulatorMedia
  /** Appends a log line that status calls with `logs=1` report. */
  log(message: string, level?: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG'): void
  /** Downloads an input URL like fal's runners (http, https or data:). */
  fetch: typeof fetch
  /** A private scratch folder for this job, removed when it ends. */
  tempDir(): Promise<string>
  /** Moves a finished file onto the CDN and returns it as fal's `File` object. */
  publish(file: string, contentType: string, fileName: string): Promise<FalFile>
}

/** fal's `File` output type. */
export interface FalFile {
  readonly url: string
  readonly content_type: string
  readonly file_name: string
  readonly file_size: number
}

/**
 * A successful model run: the JSON body of the result, the seconds of output it made (0 for
 * images and utilities) and what fal bills for it in US dollars, by the catalog's price.
 */
export interface EndpointOutput {
  readonly body: unknown
  readonly billedSeconds: number
  readonly billedUsd: number
}

/** One fal endpoint served by the emulator. */
export interface EndpointSpec {
  /** Full endpoint id, e.g. `fal-ai/kling-video/o1/standard/image-to-video`. */
  readonly id: string
  /** Runs the model; throws {@link ModelError} for input fal would reject. */
  run(input: unknown, ctx: JobContext): Promise<EndpointOutput>
}
