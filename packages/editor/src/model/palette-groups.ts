import { type AnyNodeSpec, usdText } from '@shotchain/graph'

/** One node type as the palette lists it. */
export interface PaletteEntry {
  readonly spec: AnyNodeSpec
  /**
   * What one run with default params costs, for a person: `$0.42`, `price unknown` when the type
   * is priced but cannot say (or its defaults do not parse), undefined for a free type.
   */
  readonly price: string | undefined
}

/** Node types that make the same kind of thing (one `category`), under one heading. */
export interface PaletteGroup {
  readonly category: string
  readonly heading: string
  readonly entries: readonly PaletteEntry[]
}

/**
 * Categories listed first, in this order, by what their nodes make; any other category follows
 * in the order the registry first lists it, and a type with none goes last under "Other".
 */
const FIRST_CATEGORIES = ['image', 'edit', 'video', 'audio']
const NO_CATEGORY = 'other'

/**
 * The palette's list: node types matching every word of `query` (in title, type id, category or
 * description), grouped by category. With no query the groups come image, edit, video, audio, then the
 * rest, each in registry order. With a query the best match comes first: groups are ordered by
 * their best entry, entries by how well they match (title first, then type id, then the rest),
 * so "prompt" picks the Prompt node, not a model whose description mentions a prompt.
 * @example
 * paletteGroups(registry.list(), 'schnell')[0]?.entries[0]?.spec.type // 'fal:fal-ai/flux/schnell'
 */
export function paletteGroups(specs: readonly AnyNodeSpec[], query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const byCategory = new Map<string, { spec: AnyNodeSpec; rank: number; at: number }[]>()
  specs.forEach((spec, at) => {
    const rank = matchRank(spec, words)
    if (rank === undefined) return
    const category = spec.category ?? NO_CATEGORY
    const list = byCategory.get(category) ?? []
    byCategory.set(category, list)
    list.push({ spec, rank, at })
  })
  const groups = [...byCategory].map(([category, found], order) => {
    found.sort((a, b) => a.rank - b.rank || a.at - b.at)
    return {
      group: {
        category,
        heading: headingOf(category),
        entries: found.map(({ spec }) => ({ spec, price: priceText(spec) })),
      },
      best: found[0]?.rank ?? 0,
      order: categoryOrder(category, order),
    }
  })
  groups.sort((a, b) => a.best - b.best || a.order - b.order)
  return groups.map(({ group }) => group)
}

/** The entries of `groups` in the order they are drawn: what the arrow keys step through. */
export function paletteEntries(groups: readonly PaletteGroup[]): PaletteEntry[] {
  return groups.flatMap((group) => group.entries)
}

/**
 * How well a spec matches the query's words: 0 for its title starting with the query, 1 for
 * every word in its title, 2 in its type id, 3 elsewhere; undefined when a word is in none.
 */
function matchRank(spec: AnyNodeSpec, words: readonly string[]): number | undefined {
  const title = spec.title.toLowerCase()
  const type = spec.type.toLowerCase()
  const text = `${title} ${type} ${spec.category ?? ''} ${spec.description ?? ''}`.toLowerCase()
  if (!words.every((w) => text.includes(w))) return undefined
  if (words.length === 0 || title.startsWith(words.join(' '))) return 0
  if (words.every((w) => title.includes(w))) return 1
  return words.every((w) => type.includes(w)) ? 2 : 3
}

/** The fixed categories first; the others after them, as the registry lists them. */
function categoryOrder(category: string, firstSeen: number): number {
  const fixed = FIRST_CATEGORIES.indexOf(category)
  if (fixed >= 0) return fixed
  return category === NO_CATEGORY ? Number.MAX_SAFE_INTEGER : FIRST_CATEGORIES.length + firstSeen
}

function headingOf(category: string): string {
  return category.charAt(0).toUpperCase() + category.slice(1)
}

/**
 * The price of one run with default params. A spec's defaults may not parse (a required param
 * with no default): its price is then unknown, as it is when `cost` says undefined.
 */
export function priceText(spec: AnyNodeSpec): string | undefined {
  if (spec.cost === undefined) return undefined
  const parsed = spec.params.safeParse({})
  const usd = parsed.success ? spec.cost(parsed.data) : undefined
  return usd === undefined || !Number.isFinite(usd) ? 'price unknown' : usdText(usd)
}
