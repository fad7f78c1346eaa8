import { homedir } from 'node:os'
import { basename, relative, resolve, sep } from 'node:path'

/** Rewrites a text meant for the browser so that it names no absolute path of this machine. */
export interface PathHider {
  /** `text` with the state folder written `$SHOTCHAIN_HOME` and the user's home folder `~`. */
  text(text: string): string
  /** A JSON value with {@link PathHider.text} applied to every string in it (a copy if changed). */
  json<T>(value: T): T
  /** The state folder as the API shows it: `~/…` inside the user's home, else its name. */
  readonly home: string
}

/**
 * The server's rule for paths in what it sends: run errors, 422 messages and `/api/status` name
 * files relative to a named root (`$SHOTCHAIN_HOME/media/…`, `~/…`), never by their absolute path,
 * which says how the machine is laid out. The server's own log keeps the full paths.
 * @example
 * createPathHider('/srv/state').text('the file /srv/state/media/ab.png does not exist')
 * // → 'the file $SHOTCHAIN_HOME/media/ab.png does not exist'
 */
export function createPathHider(stateFolder: string, userHome: string = homedir()): PathHider {
  const roots: [RegExp, string][] = [[pathPattern(stateFolder), '$$SHOTCHAIN_HOME']]
  // The user's home folder is too short a prefix to hide when it is the file system's root.
  if (resolve(userHome) !== sep) roots.push([pathPattern(userHome), '~'])
  const text = (input: string) => {
    let out = input
    for (const [pattern, name] of roots) out = out.replace(pattern, name)
    return out
  }
  const inHome = relative(resolve(userHome), resolve(stateFolder))
  const home =
    inHome !== '' && !inHome.startsWith('..') && resolve(userHome) !== sep
      ? `~/${inHome}`
      : basename(resolve(stateFolder))
  return {
    text,
    json<T>(value: T): T {
      const raw = JSON.stringify(value)
      if (raw === undefined) return value
      const hidden = text(raw)
      return hidden === raw ? value : (JSON.parse(hidden) as T)
    },
    home,
  }
}

/** `folder` as a whole path (not the start of a longer name: `/srv/a` is not in `/srv/ab`). */
function pathPattern(folder: string): RegExp {
  const escaped = resolve(folder).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`${escaped}(?![\\w.-])`, 'g')
}
