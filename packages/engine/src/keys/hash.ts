import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

/** Hex SHA-256 of a string's UTF-8 bytes. Any implementation of exactly this may be injected. */
export type HashText = (text: string) => string

const encoder = new TextEncoder()

/**
 * The portable default: SHA-256 in plain JS, for browsers and tests. Node composition roots
 * inject `node:crypto`'s SHA-256 instead, which gives the same keys about 3× faster.
 */
export const sha256Hex: HashText = (text) => bytesToHex(sha256(encoder.encode(text)))
