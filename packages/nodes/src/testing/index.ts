export { registerSecondVideoPack, secondVideoNode } from './second-video-pack.ts'
