import { readFileSync } from 'node:fs'

/**
 * Whether a process with this pid exists on this machine (`kill(pid, 0)`: a process of another
 * user answers EPERM, which counts as alive). Only meaningful within one pid namespace.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * When the process started, in clock ticks since boot (Linux `/proc/<pid>/stat`, field 22), or
 * undefined where there is no /proc. With the pid it names one process: a pid reused by a later
 * process has another start time.
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}
