#!/usr/bin/env node
// The installed `shotchain` command. It registers tsx from this package's own dependencies (not
// from wherever the command is started), so it runs from any folder, on Node 20 as on 22 and 24.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
const { runProcess } = await import('../src/run-process.ts')
// An installed command reads relative paths against the folder it was started in. INIT_CWD is
// not used here: pnpm sets it to where an outer `pnpm` was typed, which is not this folder when
// `shotchain` runs inside a package script.
await runProcess(process.cwd())
