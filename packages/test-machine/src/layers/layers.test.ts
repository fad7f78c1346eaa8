import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkLayers } from './check-layers.ts'
import { LAYERS, PURE_THIRD_PARTY } from './layers.ts'
import { readWorkspace, type WorkspacePackage } from './read-workspace.ts'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

describe('the workspace', () => {
  it('keeps its layers: no package lists or imports one above it, or one it does not list', () => {
    const packages = readWorkspace(ROOT)
    expect(packages.map((p) => p.name)).toContain('@shotchain/errors')
    expect(checkLayers(packages, LAYERS, PURE_THIRD_PARTY)).toEqual([])
  })
})

const TWO_LAYERS = [
  { name: 'low', holds: '', pure: true, packages: ['@x/low', '@x/low-2'] },
  { name: 'high', holds: '', pure: false, packages: ['@x/high', '@x/high-2'] },
]

function pkg(name: string, parts: Partial<WorkspacePackage> & { uses?: string[] } = {}) {
  const { uses = [], ...rest } = parts
  return {
    name,
    dir: `packages/${name.slice(3)}`,
    dependencies: [],
    devDependencies: [],
    imports: new Map(uses.map((u) => [u, [`packages/${name.slice(3)}/src/a.ts`]])),
    hasBin: false,
    compilerOptions: { lib: ['ES2022'], types: [] },
    ...rest,
  }
}

function problemsOf(packages: WorkspacePackage[]) {
  const all = ['@x/low', '@x/low-2', '@x/high', '@x/high-2']
  const present = packages.map((p) => p.name)
  return checkLayers(
    [...packages, ...all.filter((n) => !present.includes(n)).map((n) => pkg(n))],
    TWO_LAYERS,
    ['zod'],
  )
}

describe('checkLayers', () => {
  it('accepts a dependency on a lower layer that is imported', () => {
    expect(
      problemsOf([pkg('@x/high', { dependencies: ['@x/low'], uses: ['@x/low/sub'] })]),
    ).toEqual([])
  })

  it('refuses a dependency on a higher layer or on its own layer', () => {
    expect(problemsOf([pkg('@x/low', { dependencies: ['@x/high'], uses: ['@x/high'] })])).toEqual([
      "@x/low (layer 'low') depends on @x/high (layer 'high'): dependencies point to lower layers only",
    ])
    expect(
      problemsOf([pkg('@x/high', { dependencies: ['@x/high-2'], uses: ['@x/high-2'] })]),
    ).toHaveLength(1)
  })

  it('lets tests reach their own layer but not a higher one', () => {
    expect(
      problemsOf([pkg('@x/high', { devDependencies: ['@x/high-2'], uses: ['@x/high-2'] })]),
    ).toEqual([])
    expect(
      problemsOf([pkg('@x/low', { devDependencies: ['@x/high'], uses: ['@x/high'] })])[0],
    ).toMatch(/devDependency on @x\/high .*never a higher one/)
  })

  it('refuses an import of a package not listed, and a listed package never imported', () => {
    expect(problemsOf([pkg('@x/high', { uses: ['@x/low'] })])).toEqual([
      'packages/high/src/a.ts imports @x/low, but @x/high does not list @x/low',
    ])
    expect(problemsOf([pkg('@x/high', { dependencies: ['@x/low'] })])).toEqual([
      '@x/high lists @x/low but never imports it: list only what it uses',
    ])
    // A package listed to run its command is used without an import.
    const withBin = pkg('@x/high-2', { hasBin: true })
    expect(problemsOf([withBin, pkg('@x/high', { devDependencies: ['@x/high-2'] })])).toEqual([])
  })

  it('holds a pure layer to ES2022 without ambient types and to the allowed third parties', () => {
    const problems = problemsOf([
      pkg('@x/low', {
        dependencies: ['zod', '@fal-ai/client'],
        compilerOptions: { types: ['node'] },
      }),
    ])
    expect(problems).toEqual([
      '@x/low is in a pure layer but its tsconfig has lib undefined and types ["node"], not ["ES2022"] and []',
      '@x/low is in a pure layer but depends on @fal-ai/client',
    ])
  })

  it('names a workspace package that is in no layer', () => {
    expect(problemsOf([pkg('@x/new')])).toEqual([
      '@x/new (packages/new) is in no layer: place it in layers.ts',
    ])
  })
})
