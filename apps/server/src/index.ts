export { createServer, type RunningServer, type ServerOptions } from './server/create-server.ts'
export { DEFAULT_PORT, parseServerArgs, type ServerArgs } from './server/parse-server-args.ts'
