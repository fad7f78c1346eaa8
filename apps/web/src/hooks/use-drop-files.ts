import { fileFillCommands, fileNodeCommands } from '@shotchain/editor'
import { useCallback } from 'react'
import { sortDroppedFiles } from '../files/sort-dropped-files.ts'
import { uploadImage } from '../media/upload-image.ts'
import { registry } from '../registry.ts'
import type { Notices } from './use-notices.ts'
import type { OpenWorkflow } from './use-open-workflow.ts'
import type { WorkflowActions } from './use-workflow-actions.ts'

type Drop = (files: readonly File[], at: readonly [number, number], onto?: string) => Promise<void>

const NEED_SERVER =
  'Images need the Shotchain server: it stores them, and the workflow keeps only their path. Start it with `pnpm start` and open the address it prints. Everything else works here without it.'

/**
 * Files dropped on the canvas: the first workflow file is imported; images are uploaded and
 * each becomes an `image-source` node at the drop point (one undo step) — or, dropped on a node
 * that takes images (or picked in its body), the first one fills that node (one undo step);
 * anything else is named as unusable.
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
      const { workflows, images, others } = sortDroppedFiles(files)
      const first = workflows[0]
      // Imported first: a successful import clears the notices, and these must outlive it.
      if (first !== undefined) await importFile(first)
      const unused = [
        ...(first !== undefined && workflows.length + images.length > 1
          ? [`Only ${first.name} was read: drop one workflow file at a time, without images.`]
          : []),
        ...(others.length > 0
          ? [
              `Not used: ${others.map((f) => f.name).join(', ')}. Drop PNG, JPEG, WebP or GIF images, or a workflow .json file.`,
            ]
          : []),
      ]
      if (unused.length > 0) show({ key: 'drop', tone: 'warning', text: unused.join(' ') })
      if (first !== undefined || images.length === 0) return
      if (!hasServer) return show({ key: 'images', tone: 'warning', text: NEED_SERVER })
      const loaded = generation()
      show({
        key: 'images',
        tone: 'info',
        text: `Uploading ${images.length === 1 ? images[0]?.name : `${images.length} images`}…`,
      })
      const uploads = await Promise.all(images.map((file) => uploadImage(file)))
      const failures = uploads.flatMap((u) => (u.ok ? [] : [{ path: '', message: u.message }]))
      // The node each file becomes is the pack's choice, by the file's media type.
      const stored = uploads.flatMap((u, i) =>
        u.ok
          ? [{ path: u.image.path, contentType: images[i]?.type ?? '', name: images[i]?.name }]
          : [],
      )
      if (failures.length > 0) {
        show({
          key: 'images',
          tone: 'error',
          text: 'Some images were not added:',
          details: failures,
        })
      } else dismiss('images')
      if (stored.length === 0) return
      if (loaded !== generation()) {
        return show({
          key: 'images',
          tone: 'warning',
          text: 'Another workflow was opened while the images uploaded: drop them again.',
        })
      }
      const picked = stored[0]
      const fill =
        onto === undefined || picked === undefined
          ? undefined
          : fileFillCommands(history.doc, registry, onto, picked)
      // Dropped on a node that takes images: the first fills it, any others become nodes beside.
      const commands = fill
        ? [...fill, ...fileNodeCommands(history.doc, registry, stored.slice(1), at)]
        : fileNodeCommands(history.doc, registry, stored, at)
      const applied = history.apply(commands, { registry })
      if (!applied.ok) {
        show({
          key: 'images',
          tone: 'error',
          text: 'The image nodes could not be added:',
          details: applied.issues,
        })
      }
    },
    [hasServer, history, generation, importFile, show, dismiss],
  )
}
