import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PlannedNode, RunPlan, RunResult } from '@shotchain/engine'
import { type EditList, toEdl, toOtioText } from '@shotchain/media'
import type { MediaRef, SequenceEditList } from '@shotchain/nodes'
import { extensionFor, type Store } from '@shotchain/store'
import { clipSources } from './seam-records.ts'

/** The edit-list files written beside one output, as the manifest lists them (relative paths). */
export interface EditListFiles {
  readonly otio: string
  readonly edl: string
}

/**
 * When the output node `output` shows a sequence that keeps its edit list (role `editList`),
 * writes each clip as `clips/<shot node>.mp4`, and `<stem>.otio` and `<stem>.edl` referencing
 * them with the sequence's trims and transitions. Returns the files, or undefined when the output
 * shows no such sequence (or it has no result).
 */
export async function writeEditList(options: {
  readonly outDir: string
  readonly stem: string
  readonly output: PlannedNode
  readonly plan: RunPlan
  readonly result: RunResult
  readonly store: Store
}): Promise<EditListFiles | undefined> {
  const { outDir, stem, output, plan, result, store } = options
  const sequence = sequenceFeeding(output, plan)
  const role = sequence?.spec.role
  if (sequence === undefined || role?.kind !== 'sequence' || role.editList === undefined) return
  const list = result.outputs.get(sequence.id)?.[role.editList] as SequenceEditList | undefined
  if (list === undefined) return undefined
  const shots = clipSources(sequence, role)
  await mkdir(join(outDir, 'clips'), { recursive: true })
  const copy = async (media: MediaRef, name: string): Promise<string> => {
    const from = store.media.pathOf(media.hash)
    if (from === undefined) throw new Error(`media ${media.hash} is missing from the store`)
    const file = `clips/${name.replace(/[^\w.-]/g, '_')}${extensionFor(media.contentType)}`
    await copyFile(from, join(outDir, file))
    return file
  }
  const clips = await Promise.all(
    list.clips.map(async (clip, k) => {
      const label = shots[k] ?? clip.label
      return { ...clip, label, media: await copy(clip.media, label) }
    }),
  )
  const soundtrack = list.soundtrack && {
    ...list.soundtrack,
    media: await copy(list.soundtrack.media, 'soundtrack'),
  }
  const files: EditList = { ...list, name: stem, clips, soundtrack }
  const written = { otio: `${stem}.otio`, edl: `${stem}.edl` }
  await writeFile(join(outDir, written.otio), toOtioText(files))
  await writeFile(join(outDir, written.edl), toEdl(files))
  return written
}

/** The node feeding the output's input, when it is a sequence. */
function sequenceFeeding(output: PlannedNode, plan: RunPlan): PlannedNode | undefined {
  for (const input of output.inputs) {
    for (const source of input.sources) {
      const node = plan.nodes.find((n) => n.id === source.node)
      if (node?.spec.role?.kind === 'sequence') return node
    }
  }
  return undefined
}
