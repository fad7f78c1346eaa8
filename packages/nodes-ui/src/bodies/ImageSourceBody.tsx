import type { NodeBodyProps } from '@shotchain/editor'
import { imageProblem } from '@shotchain/kling'
import { useState } from 'react'
import { SourcePick, sourceNameOf } from './SourcePick.tsx'

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
  const { url } = node.params
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
  const name = sourceNameOf(node.params)
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
      <SourcePick
        node={node}
        editor={editor}
        noun="image"
        accept="image/png,image/jpeg,image/webp,image/gif"
      />
    </div>
  )
}
