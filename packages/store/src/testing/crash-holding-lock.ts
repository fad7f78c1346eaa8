/** A child process for the lock test: takes the server lock of argv[2], then SIGKILLs itself. */
import { lockHome } from '../home/home-lock.ts'

const home = process.argv[2]
if (home === undefined) throw new Error('usage: crash-holding-lock.ts <home>')
lockHome(home, 'a server about to be killed')
process.kill(process.pid, 'SIGKILL')
