import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { parseJson, writeJsonAtomically } from '../storage/write-json.ts'
import { appOf, type Job } from './job.ts'

/** A job as saved: everything but its abort controller. */
type SavedJob = Omit<Job, 'abort' | 'app'>

/**
 * The queue's jobs on disk, one `<dir>/jobs/<request id>.json` each, written at every change of
 * state, so an emulator started again on the same folder answers the same request ids.
 */
export interface JobFiles {
  /** Saves the job as it is now; saves of one job land in the order they were asked for. */
  save(job: Job): Promise<void>
  /** Resolves once every save asked for so far has landed. */
  flush(): Promise<void>
}

/** Opens `<dir>/jobs`; resolves with the saved jobs (oldest first) and the way to save more. */
export async function openJobFiles(dir: string): Promise<{ files: JobFiles; jobs: Job[] }> {
  const jobsDir = join(dir, 'jobs')
  await mkdir(jobsDir, { recursive: true })
  const jobs: Job[] = []
  for (const name of await readdir(jobsDir)) {
    const path = join(jobsDir, name)
    if (!name.endsWith('.json')) {
      // A save a killed process left half-written; the previous version is still in place.
      await rm(path, { force: true })
      continue
    }
    const saved = parseJson<SavedJob>(await readFile(path, 'utf8'))
    if (saved === undefined) continue
    jobs.push({ ...saved, app: appOf(saved.endpointId), abort: new AbortController() })
  }
  jobs.sort((a, b) => a.seq - b.seq)
  const pending = new Map<string, Promise<void>>()
  const save = (job: Job) => {
    const { abort: _abort, app: _app, ...saved } = job
    const snapshot = structuredClone(saved)
    const previous = pending.get(job.id) ?? Promise.resolve()
    const next = previous
      .catch(() => undefined)
      .then(() => writeJsonAtomically(join(jobsDir, `${job.id}.json`), snapshot))
    pending.set(job.id, next)
    const forget = () => {
      if (pending.get(job.id) === next) pending.delete(job.id)
    }
    next.then(forget, forget)
    return next
  }
  return {
    jobs,
    files: { save, flush: async () => void (await Promise.allSettled([...pending.values()])) },
  }
}
