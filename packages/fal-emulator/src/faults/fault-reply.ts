import { falError, type Reply } from '../server/reply.ts'

/** The body fal's gateway sends with each injected status (fal's request error types). */
export function faultReply(status: 429 | 500 | 502 | 503 | 504): Reply {
  switch (status) {
    case 429:
      return falError(429, 'Too many requests, please retry later', 'rate_limited')
    case 500:
      return falError(500, 'Internal server error', 'internal_error')
    case 502:
      return falError(
        502,
        'The runner returned an incomplete response',
        'runner_incomplete_response',
      )
    case 503:
      return falError(
        503,
        'No runner could be scheduled for the request',
        'runner_scheduling_failure',
      )
    case 504:
      return falError(504, 'The request timed out', 'request_timeout')
  }
}
