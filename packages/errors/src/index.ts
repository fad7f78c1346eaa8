export { ERROR_CODES, type ErrorCode, isErrorCode } from './error-codes.ts'
export {
  type ErrorDetails,
  type ErrorInfo,
  ShotchainError,
  toErrorInfo,
} from './shotchain-error.ts'
