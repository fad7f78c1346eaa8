import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { SpendLedger, SpendRecord } from './spend-ledger.ts'
import { sumUsd } from './spend-ledger.ts'

/**
 * What one execution of a run may still commit, checked at the moment of each submit: what the
 * run has recorded (this and earlier executions, from the ledger) plus the submits in flight now
 * plus this one must stay within the budget. A submit is reserved before it is sent, so two
 * nodes submitting at once cannot both squeeze under the limit.
 */
export class SubmitBudget {
  readonly #ledger: SpendLedger
  readonly #runId: string
  readonly #limitUsd: number | undefined
  readonly #allowUnknownPrice: boolean
  #reservedUsd = 0
  #spentNowUsd = 0

  constructor(
    ledger: SpendLedger,
    runId: string,
    limitUsd: number | undefined,
    allowUnknownPrice = false,
  ) {
    this.#ledger = ledger
    this.#runId = runId
    this.#limitUsd = limitUsd
    this.#allowUnknownPrice = allowUnknownPrice
  }

  /** What this execution has recorded, in USD. */
  get spentNowUsd(): number {
    return this.#spentNowUsd
  }

  /**
   * Holds `usd` for a submit about to be sent; undefined is a price nobody knows, which a
   * budget cannot cover unless unknown prices were allowed (it then holds nothing).
   * @throws ShotchainError `over-budget` (nothing held) when it would pass the limit.
   */
  reserve(nodeId: string, price: number | undefined): void {
    const limit = this.#limitUsd
    if (price === undefined && limit !== undefined && !this.#allowUnknownPrice) {
      throw new ShotchainError(
        ERROR_CODES.overBudget,
        `the price of "${nodeId}" is unknown, so the run's budget of $${limit.toFixed(2)} cannot cover it; nothing was sent (allow unknown prices to run it)`,
        { nodeId },
      )
    }
    const usd = price ?? 0
    if (limit !== undefined) {
      const committed = sumUsd([this.#ledger.spentBy(this.#runId), this.#reservedUsd])
      const after = sumUsd([committed, usd])
      if (after > limit) {
        throw new ShotchainError(
          ERROR_CODES.overBudget,
          `submitting "${nodeId}" ($${usd.toFixed(2)}) would take the run to $${after.toFixed(2)}, ` +
            `over its budget of $${limit.toFixed(2)}; nothing was sent`,
          { nodeId },
        )
      }
    }
    this.#reservedUsd = sumUsd([this.#reservedUsd, usd])
  }

  /** Lets go of a reservation whose submit surely sent nothing. */
  release(usd: number): void {
    this.#reservedUsd = sumUsd([this.#reservedUsd, -usd])
  }

  /** Turns a reservation into a durable record: the submit was made (or may have been). */
  commit(record: SpendRecord): void {
    this.#ledger.record(record)
    this.release(record.usd)
    this.#spentNowUsd = sumUsd([this.#spentNowUsd, record.usd])
  }
}
