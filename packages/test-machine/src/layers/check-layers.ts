import type { Layer } from './layers.ts'
import type { WorkspacePackage } from './read-workspace.ts'

/**
 * Every way the workspace breaks the layer rules (see `layers.ts`), each a sentence naming the
 * package, the dependency or file at fault and the rule. Empty when the workspace keeps them.
 */
export function checkLayers(
  packages: readonly WorkspacePackage[],
  layers: readonly Layer[],
  pureThirdParty: readonly string[],
): string[] {
  const rank = new Map<string, number>()
  const problems: string[] = []
  layers.forEach((layer, index) => {
    for (const name of layer.packages) {
      if (rank.has(name)) problems.push(`${name} is placed in two layers`)
      rank.set(name, index)
    }
  })
  const names = new Set(packages.map((p) => p.name))
  const bins = new Set(packages.filter((p) => p.hasBin).map((p) => p.name))
  for (const name of rank.keys()) {
    if (!names.has(name)) problems.push(`${name} is in the layers but is no workspace package`)
  }
  for (const pkg of packages) {
    const own = rank.get(pkg.name)
    if (own === undefined) {
      problems.push(`${pkg.name} (${pkg.dir}) is in no layer: place it in layers.ts`)
      continue
    }
    problems.push(...checkListed(pkg, own, rank, layers))
    problems.push(...checkImports(pkg, names, bins))
    if (layers[own]?.pure) problems.push(...checkPure(pkg, names, pureThirdParty))
  }
  return problems
}

function checkListed(
  pkg: WorkspacePackage,
  own: number,
  rank: ReadonlyMap<string, number>,
  layers: readonly Layer[],
): string[] {
  const problems: string[] = []
  const layerOf = (index: number) => `'${layers[index]?.name}'`
  for (const dep of pkg.dependencies) {
    const theirs = rank.get(dep)
    if (theirs === undefined || theirs < own) continue
    problems.push(
      `${pkg.name} (layer ${layerOf(own)}) depends on ${dep} (layer ${layerOf(theirs)}): ` +
        'dependencies point to lower layers only',
    )
  }
  for (const dep of pkg.devDependencies) {
    const theirs = rank.get(dep)
    if (theirs === undefined || theirs <= own) continue
    problems.push(
      `${pkg.name} (layer ${layerOf(own)}) has a devDependency on ${dep} (layer ${layerOf(theirs)}): ` +
        'tests and tools may reach their own layer, never a higher one',
    )
  }
  return problems
}

/** The workspace package a module specifier names (`@shotchain/fal-emulator/testing` → its name). */
function packageOf(specifier: string, names: ReadonlySet<string>): string | undefined {
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '')
  return names.has(name) ? name : undefined
}

function checkImports(
  pkg: WorkspacePackage,
  names: ReadonlySet<string>,
  bins: ReadonlySet<string>,
): string[] {
  const problems: string[] = []
  const listed = new Set([...pkg.dependencies, ...pkg.devDependencies])
  const imported = new Set<string>()
  for (const [specifier, files] of pkg.imports) {
    const target = packageOf(specifier, names)
    if (target === undefined || target === pkg.name) continue
    imported.add(target)
    if (!listed.has(target)) {
      problems.push(`${files[0]} imports ${specifier}, but ${pkg.name} does not list ${target}`)
    }
  }
  for (const dep of listed) {
    if (names.has(dep) && !imported.has(dep) && !bins.has(dep)) {
      problems.push(`${pkg.name} lists ${dep} but never imports it: list only what it uses`)
    }
  }
  return problems
}

function checkPure(
  pkg: WorkspacePackage,
  names: ReadonlySet<string>,
  pureThirdParty: readonly string[],
): string[] {
  const problems: string[] = []
  const options = pkg.compilerOptions
  const lib = JSON.stringify(options?.lib)
  const types = JSON.stringify(options?.types)
  if (lib !== '["ES2022"]' || types !== '[]') {
    problems.push(
      `${pkg.name} is in a pure layer but its tsconfig has lib ${lib} and types ${types}, ` +
        'not ["ES2022"] and []',
    )
  }
  for (const dep of pkg.dependencies) {
    if (names.has(dep) || pureThirdParty.includes(dep)) continue
    problems.push(`${pkg.name} is in a pure layer but depends on ${dep}`)
  }
  return problems
}
