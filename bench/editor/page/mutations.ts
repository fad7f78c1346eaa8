/**
 * Counts DOM mutation records (attribute, child list and text changes anywhere in the body)
 * between `start()` and `stop()`: how many DOM updates a gesture costs.
 */
export function createMutationCounter() {
  let observer: MutationObserver | undefined
  let records = 0
  return {
    start(): void {
      observer?.disconnect()
      records = 0
      observer = new MutationObserver((seen) => {
        records += seen.length
      })
      observer.observe(document.body, {
        subtree: true,
        attributes: true,
        childList: true,
        characterData: true,
      })
    },
    stop(): number {
      observer?.disconnect()
      observer = undefined
      return records
    },
  }
}
