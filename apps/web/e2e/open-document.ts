import type { WorkflowDocument } from '@shotchain/graph'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * Saves `doc` through the server's API (as an import does) and opens it in `page`, waiting
 * until the editor shows its name. The bench documents' image sources point at example.com:
 * those requests fail at once rather than over the network.
 */
export async function openDocument(page: Page, url: string, doc: WorkflowDocument): Promise<void> {
  const created = await fetch(`${url}/api/workflows`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  })
  expect(created.status).toBe(201)
  const { id } = (await created.json()) as { id: string }
  await page.route('https://example.com/**', (route) => route.abort())
  await page.goto(`${url}/#${id}`)
  await expect
    .poll(() => page.getByTestId('workflow-name').inputValue(), { timeout: 60_000 })
    .toBe(doc.name)
}
