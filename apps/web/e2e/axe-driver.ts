import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/**
 * What axe finds at `serious` or `critical` impact on the page (within `include`), one line per
 * element. The page must come from a browser context of its own (`browser.newContext()`): axe
 * opens a second page in it.
 */
export async function seriousViolations(page: Page, include = 'body'): Promise<string[]> {
  // Only violations are read: axe then leaves out the detail of what passed (faster).
  const result = await new AxeBuilder({ page })
    .include(include)
    .options({ resultTypes: ['violations'] })
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
    )
}
