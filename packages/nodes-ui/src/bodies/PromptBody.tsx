import { type NodeBodyProps, useParam } from '@shotchain/editor'
import { KLING_O1_LIMITS } from '@shotchain/kling'
import { Fragment, useRef } from 'react'

const IMAGE_REF = /(@Image[12])/
const IS_IMAGE_REF = /^@Image[12]$/

/** A prompt: a multi-line editor where `@Image1` and `@Image2` stand out, with its length. */
export function PromptBody({ node }: NodeBodyProps) {
  const text = typeof node.params.text === 'string' ? node.params.text : ''
  const [value, setValue] = useParam(node.id, 'text', text)
  const over = value.length > KLING_O1_LIMITS.maxPromptChars
  const marks = useRef<HTMLDivElement>(null)
  return (
    <div className="sc-prompt">
      <div className="sc-prompt__field">
        <div className="sc-prompt__marks" aria-hidden="true" ref={marks}>
          {value
            .split(IMAGE_REF)
            .map((part, k) =>
              IS_IMAGE_REF.test(part) ? (
                <mark key={k}>{part}</mark>
              ) : (
                <Fragment key={k}>{part}</Fragment>
              ),
            )}
          {'\n'}
        </div>
        <textarea
          className="sc-prompt__text"
          value={value}
          placeholder="@Image1: describe the shot…"
          spellCheck={false}
          aria-label="Prompt text"
          data-testid="prompt-text"
          onChange={(e) => setValue(e.target.value)}
          // The highlights sit behind the text: they scroll with it.
          onScroll={(e) => {
            if (marks.current) marks.current.scrollTop = e.currentTarget.scrollTop
          }}
        />
      </div>
      <div className={`sc-prompt__count${over ? ' is-over' : ''}`}>
        {value.length} / {KLING_O1_LIMITS.maxPromptChars}
      </div>
    </div>
  )
}
