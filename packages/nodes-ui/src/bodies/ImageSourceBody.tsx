import type { NodeBodyProps } from '@shotchain/editor'
import type { GraphCommand } from '@shotchain/graph'
import { imageProblem } from '@shotchain/kling'
import { useState } from 'react'

interface Loaded {
  readonly src: string
  readonly width?: number
  readonly height?: number
  readonly failed?: boolean
}

/**
 * An image source: its thumbnail, the name of the file it came from (or its url), its pixel
 * size, a warning badge when fal would refuse it (too small, too narrow), and two ways to set
 * it besides a drop: Browse (a file input, handed to the host as a drop onto the node) and a
 * url field. The size comes from the picture itself once it has loaded.
 */
export function ImageSourceBody({ node, editor }: NodeBodyProps) {
  const { path, url, name: fileName } = node.params
  const src = editor.imageUrl(node.params) ?? (typeof url === 'string' ? url : undefined)
  const [loaded, setLoaded] = useState<Loaded | undefined>()
  const current = loaded?.src === src ? loaded : undefined
  const problem =
    current?.width !== undefined && current.height !== undefined
      ? imageProblem({
          header: { format: 'image', width: current.width, height: current.height },
          sizeBytes: undefined,
        })
      : undefined
  const name =
    typeof fileName === 'string' && fileName !== ''
      ? fileName
      : typeof path === 'string'
        ? path.split(/[\\/]/).pop()
        : typeof url === 'string'
          ? url
          : ''
  /** A url typed in replaces the file (and its name): one undo entry. */
  const setUrl = (typed: string) => {
    const next = typed.trim() === '' ? undefined : typed.trim()
    if (next === url || (next === undefined && url === undefined)) return
    const set = (key: string, value: unknown): GraphCommand[] =>
      node.params[key] === value ? [] : [{ type: 'setParam', node: node.id, key, value }]
    editor.apply([
      ...set('url', next),
      ...(next === undefined ? [] : [...set('path', undefined), ...set('name', undefined)]),
    ])
  }
  const takeFiles = editor.takeFiles
  return (
    <div className="sc-image">
      <div className="sc-image__frame">
        {src && !current?.failed ? (
          <img
            src={src}
            alt={name}
            loading="lazy"
            draggable={false}
            onLoad={(e) =>
              setLoaded({
                src,
                width: e.currentTarget.naturalWidth,
                height: e.currentTarget.naturalHeight,
              })
            }
            onError={() => setLoaded({ src, failed: true })}
          />
        ) : (
          <span className="sc-image__empty">
            {src
              ? 'The image could not be loaded'
              : name
                ? 'No preview here: the image is read when the workflow runs'
                : 'No image yet: drop an image file here, browse, or give its url'}
          </span>
        )}
      </div>
      <div className="sc-image__meta">
        <span className="sc-image__name" title={name}>
          {name}
        </span>
        {current?.width ? (
          <span data-testid="image-size">
            {current.width}×{current.height}
          </span>
        ) : null}
        {problem ? (
          <span
            className="sc-warning"
            title={`fal would refuse this image: it ${problem}`}
            data-testid="image-warning"
          >
            ⚠ {problem.startsWith('is ') ? 'too small or narrow for fal' : 'fal would refuse it'}
          </span>
        ) : null}
      </div>
      <div className="sc-image__pick">
        {takeFiles ? (
          <label className="sc-image__browse">
            Browse…
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              aria-label="Browse for an image file"
              data-testid="image-browse"
              onChange={(e) => {
                const files = [...(e.currentTarget.files ?? [])]
                e.currentTarget.value = ''
                if (files.length > 0) takeFiles(node.id, files)
              }}
            />
          </label>
        ) : null}
        <input
          // Keyed by the url: an undo or another edit shows the document's value again.
          key={typeof url === 'string' ? url : ''}
          className="sc-image__url"
          type="url"
          placeholder="https://… image url"
          aria-label="Image url"
          data-testid="image-url"
          defaultValue={typeof url === 'string' ? url : ''}
          spellCheck={false}
          onBlur={(e) => setUrl(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setUrl(e.currentTarget.value)
          }}
        />
      </div>
    </div>
  )
}
