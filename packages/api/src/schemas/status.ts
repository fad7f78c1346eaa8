import { z } from 'zod'

/**
 * `GET /api/status`: which fal runs are billed by (`offline emulator` without a key), how many
 * workflows are saved, and the state folder written without its absolute path.
 * @public
 */
export const serverStatus = z.object({
  fal: z.enum(['offline emulator', 'fal']),
  workflows: z.number().int().nonnegative(),
  home: z.string(),
})
/** @public */
export type ServerStatus = z.infer<typeof serverStatus>
