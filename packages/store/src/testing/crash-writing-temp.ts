/**
 * A child process for the temp sweep test: opens the store in argv[2], starts writing a file at a
 * `tempPath` (as a put or ffmpeg would), then SIGKILLs itself with the file half-written.
 */
import { writeFileSync } from 'node:fs'
import { openStore } from '../store.ts'

const home = process.argv[2]
if (home === undefined) throw new Error('usage: crash-writing-temp.ts <home>')
const store = openStore(home)
writeFileSync(store.media.tempPath('.mp4'), 'half a video')
process.kill(process.pid, 'SIGKILL')
