export { type ByteRange, parseByteRange } from './byte-range.ts'
