import type { NodeViewEditor } from '@shotchain/editor'
import type { GraphCommand, WorkflowNode } from '@shotchain/graph'

/** What a file source's pick row takes: its node, its editor, and how it names its media. */
export interface SourcePickProps {
  readonly node: WorkflowNode
  readonly editor: NodeViewEditor
  /** `image`, `audio`: the test ids (`image-browse`, `audio-url`) and the labels' word. */
  readonly noun: 'image' | 'audio'
  /** The file input's `accept`, e.g. `image/png,image/jpeg`. */
  readonly accept: string
}

/**
 * The two ways to set a file source besides a drop: Browse… (a file input, handed to the host as
 * a drop onto the node) and a url field. A url typed in replaces the file and its name, in one
 * undo entry; an empty field clears the url.
 */
export function SourcePick({ node, editor, noun, accept }: SourcePickProps) {
  const { url } = node.params
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
  const label = noun === 'image' ? 'Image' : 'Audio'
  return (
    <div className="sc-source__pick">
      {takeFiles ? (
        <label className="sc-source__browse">
          Browse…
          <input
            type="file"
            accept={accept}
            aria-label={`Browse for an ${noun} file`}
            data-testid={`${noun}-browse`}
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
        className="sc-source__url"
        type="url"
        placeholder={`https://… ${noun} url`}
        aria-label={`${label} url`}
        data-testid={`${noun}-url`}
        defaultValue={typeof url === 'string' ? url : ''}
        spellCheck={false}
        onBlur={(e) => setUrl(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setUrl(e.currentTarget.value)
        }}
      />
    </div>
  )
}

/** The name a file source shows: the person's file name, else the path's last part, else its url. */
export function sourceNameOf(params: Readonly<Record<string, unknown>>): string {
  const { path, url, name } = params
  if (typeof name === 'string' && name !== '') return name
  if (typeof path === 'string') return path.split(/[\\/]/).pop() ?? ''
  return typeof url === 'string' ? url : ''
}
