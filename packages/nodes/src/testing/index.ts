export { benchWorkflow } from './chained-shots.ts'
export { FETCHED_SCHEMA } from './fetched-schema.ts'
export { registerSecondVideoPack, secondVideoNode } from './second-video-pack.ts'
