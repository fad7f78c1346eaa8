// The node packs bundled at build time (see packs-plugin.ts): SHOTCHAIN_PACKS as the server reads it.
declare module 'virtual:shotchain-packs' {
  import type { NodePack } from '@shotchain/graph'
  /** Each named pack's `pack` export. */
  export const packs: readonly NodePack[]
  /** Each named pack's `./ui` `views` export, when it has one. */
  export const packViews: readonly Readonly<Record<string, unknown>>[]
}
