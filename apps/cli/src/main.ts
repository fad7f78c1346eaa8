import { runProcess } from './run-process.ts'

// The entry of the repo's root script `pnpm shotchain …`: pnpm starts it at the repo root, and
// INIT_CWD is the folder the person typed the command in. The installed command is bin/shotchain.js.
await runProcess(process.env.INIT_CWD ?? process.cwd())
