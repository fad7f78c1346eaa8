import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** What the layer check needs to know of one workspace package. */
export interface WorkspacePackage {
  readonly name: string
  /** Its folder, relative to the repo root. */
  readonly dir: string
  /** `dependencies` and required `peerDependencies`: what installing the package brings. */
  readonly dependencies: readonly string[]
  /** `devDependencies` and optional peers: what only its tests and tools use. */
  readonly devDependencies: readonly string[]
  /** Every module specifier its source files import, with the files (repo-relative) that do. */
  readonly imports: ReadonlyMap<string, readonly string[]>
  /** Whether it has a `bin`: listing it to run that command is a use without an import. */
  readonly hasBin: boolean
  /** `compilerOptions` of its tsconfig.json, when it has one. */
  readonly compilerOptions: { readonly lib?: unknown; readonly types?: unknown } | undefined
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/
const SKIPPED = new Set(['node_modules', 'dist', 'test-output'])

/** The package folders pnpm-workspace.yaml names (`dir/*` globs and plain paths). */
export function workspaceDirs(root: string): string[] {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
  const block = yaml.split(/^packages:\s*$/m)[1]?.split(/^\S/m)[0] ?? ''
  const globs = [...block.matchAll(/^\s+-\s+['"]?([^'"\s]+)['"]?\s*$/gm)].map((m) => m[1] ?? '')
  return globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob]
    const parent = glob.slice(0, -2)
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`)
  })
}

/** Reads every workspace package: its package.json, tsconfig and the imports of its source. */
export function readWorkspace(root: string): WorkspacePackage[] {
  return workspaceDirs(root)
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => readPackage(root, dir))
}

function readPackage(root: string, dir: string): WorkspacePackage {
  const json = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
    name: string
    bin?: unknown
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
    peerDependencies?: Record<string, string>
    peerDependenciesMeta?: Record<string, { optional?: boolean }>
  }
  const imports = new Map<string, string[]>()
  for (const file of sourceFiles(join(root, dir))) {
    const text = readFileSync(file, 'utf8')
    // The compiler's own scanner: imports in comments and strings are not imports.
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      const files = imports.get(fileName) ?? []
      files.push(relative(root, file))
      imports.set(fileName, files)
    }
  }
  const tsconfig = join(root, dir, 'tsconfig.json')
  const peers = Object.keys(json.peerDependencies ?? {})
  const isOptional = (peer: string) => json.peerDependenciesMeta?.[peer]?.optional === true
  return {
    name: json.name,
    dir,
    dependencies: [...Object.keys(json.dependencies ?? {}), ...peers.filter((p) => !isOptional(p))],
    devDependencies: [...Object.keys(json.devDependencies ?? {}), ...peers.filter(isOptional)],
    imports,
    hasBin: json.bin !== undefined,
    compilerOptions: existsSync(tsconfig)
      ? (JSON.parse(readFileSync(tsconfig, 'utf8')) as { compilerOptions?: object }).compilerOptions
      : undefined,
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) return []
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return SOURCE.test(entry.name) ? [path] : []
  })
}
