/**
 * The layers of this repo, lowest first: the one place that says which package may import which.
 * docs/architecture.md draws them; `layers.test.ts` holds every workspace package to them.
 *
 * - A package's `dependencies` and `peerDependencies` name only packages of lower layers.
 * - Its `devDependencies` (tests, tools) may also name packages of its own layer, never higher.
 * - Its source imports only workspace packages it lists, and it lists none it does not import
 *   (or run: a package with a `bin` may be listed for its command).
 * - A package of a `pure` layer compiles with `lib: ["ES2022"]` and `types: []` and depends on no
 *   third-party package but those in {@link PURE_THIRD_PARTY}.
 *
 * A new workspace package fails the test until it is placed here.
 */
export interface Layer {
  readonly name: string
  /** What the packages of this layer are, for the drawing and the test's messages. */
  readonly holds: string
  readonly pure: boolean
  readonly packages: readonly string[]
}

export const LAYERS: readonly Layer[] = [
  {
    name: 'base',
    holds: 'the error catalogue every layer may import',
    pure: true,
    packages: ['@shotchain/errors'],
  },
  {
    name: 'domain',
    holds: 'the workflow document, Kling’s facts, fal’s model catalog, HTTP range parsing',
    pure: true,
    packages: ['@shotchain/graph', '@shotchain/kling', '@shotchain/fal-catalog', '@shotchain/http'],
  },
  {
    name: 'engine',
    holds: 'plan, schedule, cache, cancel, journal, events',
    pure: true,
    packages: ['@shotchain/engine'],
  },
  {
    name: 'packs and contracts',
    holds: 'the built-in node pack, the HTTP API contract',
    pure: true,
    packages: ['@shotchain/nodes', '@shotchain/api'],
  },
  {
    name: 'platform',
    holds: 'ffmpeg, ffprobe and image probing',
    pure: false,
    packages: ['@shotchain/media'],
  },
  {
    name: 'adapters and views',
    holds: 'fal gateway and emulator, SQLite store, the React editor, the test machine',
    pure: false,
    packages: [
      '@shotchain/fal',
      '@shotchain/fal-emulator',
      '@shotchain/store',
      '@shotchain/editor',
      '@shotchain/test-machine',
    ],
  },
  {
    name: 'pack views',
    holds: 'the built-in node pack’s editor views',
    pure: false,
    packages: ['@shotchain/nodes-ui'],
  },
  {
    name: 'wiring',
    holds: 'the Node services over store, ffmpeg and fal that the apps share',
    pure: false,
    packages: ['@shotchain/runtime'],
  },
  {
    name: 'run lifecycle',
    holds: 'starting, budgeting, recording, resuming and describing a run',
    pure: false,
    packages: ['@shotchain/runs'],
  },
  {
    name: 'apps',
    holds: 'composition roots: server, CLI, web app',
    pure: false,
    packages: ['@shotchain/server', '@shotchain/cli', '@shotchain/web'],
  },
  {
    name: 'tools and example packs',
    holds: 'benchmarks, and packs that stand where a pack from outside this repo would',
    pure: false,
    packages: ['@shotchain/bench', 'shotchain-pack-title-card'],
  },
]

/** The only third-party packages a package of a pure layer may depend on. */
export const PURE_THIRD_PARTY: readonly string[] = ['zod', 'immer', '@noble/hashes']
