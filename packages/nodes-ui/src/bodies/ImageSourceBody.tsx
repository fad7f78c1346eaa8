import type { NodeBodyProps } from '@shotchain/editor'
import { imageProblem } from '@shotchain/kling'
import { useState } from 'react'

interface Loaded {
  readonly src: string
  readonly width?: number
  readonly height?: number
  readonly failed?: boolean
}

/**
 * An image source: its thumbnail, its pixel size, and a warning badge when fal would refuse it
 * (too small, too narrow). The size comes from the picture itself once it has loaded.
 */
export function ImageSourceBody({ node, editor }: NodeBodyProps) {
  const { path, url } = node.params
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
    typeof path === 'string' ? path.split(/[\\/]/).pop() : typeof url === 'string' ? url : ''
  return (
    <div className="sc-image">
      <div className="sc-image__frame">
        {src && !current?.failed ? (
          <img
            src={src}
            alt=""
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
                : 'No image yet: drop an image file on the canvas'}
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
    </div>
  )
}
