export { builtInNodes, registerBuiltInNodes } from './built-in-nodes.ts'
export { catalogNodes, nodeOfEndpoint } from './fal-model/catalog-nodes.ts'
export { falModelNode, falModelOf, falModelType } from './fal-model/fal-model-node.ts'
export { type ParamField, paramFieldsOf } from './fal-model/model-params.ts'
export { type AudioSourceParams, audioSourceNode } from './nodes/audio-source.ts'
export { type ExtractFrameParams, extractFrameNode } from './nodes/extract-frame.ts'
export type { FileSourceParams } from './nodes/file-source.ts'
export { type ImageSourceParams, imageSourceNode } from './nodes/image-source.ts'
export { type KlingO1I2vParams, klingO1I2vNode } from './nodes/kling-o1-i2v.ts'
export { type OutputParams, outputNode } from './nodes/output.ts'
export { type PromptParams, promptNode } from './nodes/prompt.ts'
export { type SequenceParams, sequenceNode } from './nodes/sequence.ts'
export type {
  FalServices,
  FrameRatio,
  MediaRef,
  MediaServices,
  NodeServices,
  SeamCheck,
  SequenceClip,
  SequenceEditList,
  SequenceSoundtrack,
  VideoFrames,
} from './services.ts'
