/**
 * The file name an exported workflow downloads as: its name in lower case, runs of anything
 * but letters and digits turned into one dash, `.json` added (`Three-shot chain` →
 * `three-shot-chain.json`); `workflow.json` when nothing is left. `extension`: `zip` for a bundle.
 */
export function workflowFileName(name: string, extension: 'json' | 'zip' = 'json'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `${slug || 'workflow'}.${extension}`
}
