import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const TOKENS = 'packages/editor/src/styles/tokens.css'

/** Every file ending in `extension` under the app's, the editor's and the node packs' folders. */
function filesEnding(extension: string): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith(extension)) found.push(relative(ROOT, path))
    }
  }
  for (const dir of ['apps/web/src', 'packages', 'examples/packs']) walk(join(ROOT, dir))
  return found.sort()
}

/**
 * The declarations of a stylesheet (what comes before a `;` or `}`, not a selector before a
 * `{`), comments left out, custom properties too, each as `file:line  declaration`.
 */
function declarations(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) =>
    c.replace(/[^\n]/g, ' '),
  )
  const found: string[] = []
  for (const match of text.matchAll(/([^{};]+)([{};])/g)) {
    const declaration = (match[1] ?? '').trim().replace(/\s+/g, ' ')
    if (match[2] === '{' || !/^[a-z-]+ ?:/.test(declaration)) continue
    const line = text
      .slice(0, (match.index ?? 0) + (match[1]?.search(/\S/) ?? 0))
      .split('\n').length
    found.push(`${file}:${line}  ${declaration}`)
  }
  return found
}

const COLOUR =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(?:white|black|red|green|blue|gray|grey|yellow|orange)\b/i
const RAW_RADIUS = /^border(?:-[a-z]+)*-radius\s*:.*\d(?:px|rem|em)/
const RAW_FONT_SIZE = /^font(?:-size)?\s*:.*\d(?:px|rem|em|pt)\b/
const RAW_FAMILY = /^font(?:-family)?\s*:.*(?:sans-serif|monospace|serif|system-ui)/

describe('one theme: every look comes from the tokens', () => {
  const files = filesEnding('.css').filter((f) => f !== TOKENS)
  const all = files.flatMap(declarations)
  const rule = (file: string) => file.replace(/^.*? {2}/, '')

  it('finds the stylesheets of the app, the editor and the node packs', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'apps/web/src/app.css',
        'apps/web/src/run.css',
        'packages/editor/src/styles/canvas.css',
        'packages/nodes-ui/src/nodes-ui.css',
      ]),
    )
  })

  it('names no colour outside the tokens', () => {
    const value = (d: string) => rule(d).replace(/^[a-z-]+ ?:/, '')
    expect(all.filter((d) => COLOUR.test(value(d)))).toEqual([])
  })

  it('takes radii, font sizes and font families from the tokens', () => {
    const raw = all.filter((d) => {
      const r = rule(d)
      return RAW_RADIUS.test(r) || RAW_FONT_SIZE.test(r) || RAW_FAMILY.test(r)
    })
    expect(raw).toEqual([])
  })

  it('spaces controls, panels, menus and overlays by the tokens', () => {
    // A node body's spacing is its geometry (model/node-size.ts), so the canvas's and the packs'
    // stylesheets keep their pixels; everything around the nodes takes the scale.
    const spaced = [
      'apps/web/src/app.css',
      'apps/web/src/run.css',
      'packages/editor/src/styles/controls.css',
      'packages/editor/src/styles/overlays.css',
    ]
    const raw = spaced
      .flatMap(declarations)
      .filter((d) => /^(?:padding|margin|gap)[a-z-]* ?:.*\d(?:px|rem|em)\b/.test(rule(d)))
    expect(raw).toEqual([])
  })

  it('names no colour in a component either (an inline style)', () => {
    const named = filesEnding('.tsx').filter((file) =>
      /#[0-9a-f]{3,8}\b['"]|\b(?:rgba?|hsla?)\(/i.test(readFileSync(join(ROOT, file), 'utf8')),
    )
    expect(named).toEqual([])
  })

  it('uses only tokens the theme defines', () => {
    const tokens = readFileSync(join(ROOT, TOKENS), 'utf8')
    const defined = new Set([...tokens.matchAll(/^\s*(--sc-[a-z0-9-]+)\s*:/gm)].map((m) => m[1]))
    const used = all.flatMap((d) =>
      [...d.matchAll(/var\((--sc-[a-z0-9-]+)/g)].map((m) => `${m[1]} in ${d}`),
    )
    expect(used.filter((u) => !defined.has(u.split(' ')[0]))).toEqual([])
  })
})
