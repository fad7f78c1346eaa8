import { useRef } from 'react'

interface ImportButtonProps {
  readonly onFile: (file: File) => void
}

/** Opens the file picker for a workflow `.json` file or an exported `.zip` bundle. */
export function ImportButton({ onFile }: ImportButtonProps) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json,.zip,application/zip"
        hidden
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0]
          // Cleared so picking the same file again still imports it.
          event.target.value = ''
          if (file !== undefined) onFile(file)
        }}
      />
    </>
  )
}
