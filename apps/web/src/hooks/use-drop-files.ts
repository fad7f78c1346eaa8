import { fileFillCommands, fileNodeCommands } from '@shotchain/editor'
import { useCallback } from 'react'
import { sortDroppedFiles } from '../files/sort-dropped-files.ts'
import { uploadMedia } from '../media/upload-media.ts'
import { registry } from '../registry.ts'
import type { Notices } from './use-notices.ts'
import type { OpenWorkflow } from './use-open-workflow.ts'
import type { WorkflowActions } from './use-workflow-actions.ts'

type Drop = (files: readonly File[], at: readonly [number, number], onto?: string) => Promise<void>

const NEED_SERVER =
  'Images and sounds need the Shotchain server: it stores them, and the workflow keeps only their path. Start it with `pnpm start` and open the address it prints. Everything else works here without it.'

/**
 * Files dropped on the canvas: the first workflow file is imported; images and sounds are
 * uploaded and each becomes the source node its pack makes of its type (`image-source`,
 * `audio-source`) at the drop point (one undo step) — or, dropped on a node that takes its type
 * (or picked in its body), the first one fills that node (one undo step); anything else is named
 * as unusable.
 */
export function useDropFiles(
  hasServer: boolean,
  open: OpenWorkflow,
  actions: WorkflowActions,
  notices: Notices,
): Drop {
  const { history, generation } = open
  const { importFile } = actions
  const { show, dismiss } = notices
  return useCallback(
    async (files, at, onto) => {
      const { workflows, media, others } = sortDroppedFiles(files)
      const first = workflows[0]
      // Imported first: a successful import clears the notices, and these must outlive it.
      if (first !== undefined) await importFile(first)
      const unused = [
        ...(first !== undefined && workflows.length + media.length > 1
          ? [`Only ${first.name} was read: drop one workflow file at a time, without media.`]
          : []),
        ...(others.length > 0
          ? [
              `Not used: ${others.map((f) => f.name).join(', ')}. Drop PNG, JPEG, WebP or GIF images, MP3, WAV or M4A sounds, or a workflow .json file.`,
            ]
          : []),
      ]
      if (unused.length > 0) show({ key: 'drop', tone: 'warning', text: unused.join(' ') })
      if (first !== undefined || media.length === 0) return
      if (!hasServer) return show({ key: 'images', tone: 'warning', text: NEED_SERVER })
      const loaded = generation()
      show({
        key: 'images',
        tone: 'info',
        text: `Uploading ${media.length === 1 ? media[0]?.name : `${media.length} files`}…`,
      })
      const uploads = await Promise.all(media.map((file) => uploadMedia(file)))
      const failures = uploads.flatMap((u) => (u.ok ? [] : [{ path: '', message: u.message }]))
      // The node each file becomes is the pack's choice, by the type the server sniffed.
      const stored = uploads.flatMap((u, i) =>
        u.ok
          ? [{ path: u.media.path, contentType: u.media.contentType, name: media[i]?.name }]
          : [],
      )
      if (failures.length > 0) {
        show({
          key: 'images',
          tone: 'error',
          text: 'Some files were not added:',
          details: failures,
        })
      } else dismiss('images')
      if (stored.length === 0) return
      if (loaded !== generation()) {
        return show({
          key: 'images',
          tone: 'warning',
          text: 'Another workflow was opened while the files uploaded: drop them again.',
        })
      }
      const picked = stored[0]
      const fill =
        onto === undefined || picked === undefined
          ? undefined
          : fileFillCommands(history.doc, registry, onto, picked)
      // Dropped on a node that takes its type: the first fills it, any others become nodes beside.
      const commands = fill
        ? [...fill, ...fileNodeCommands(history.doc, registry, stored.slice(1), at)]
        : fileNodeCommands(history.doc, registry, stored, at)
      const applied = history.apply(commands, { registry })
      if (!applied.ok) {
        show({
          key: 'images',
          tone: 'error',
          text: 'The source nodes could not be added:',
          details: applied.issues,
        })
      }
    },
    [hasServer, history, generation, importFile, show, dismiss],
  )
}
