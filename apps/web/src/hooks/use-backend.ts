import { useEffect, useState } from 'react'
import { type Backend, chooseStorage } from '../storage/choose-storage.ts'

/** Where this page saves: asks the server once on mount; undefined until it knows. */
export function useBackend(): Backend | undefined {
  const [backend, setBackend] = useState<Backend>()
  useEffect(() => {
    let live = true
    void chooseStorage({ local: window.localStorage }).then((chosen) => {
      if (live) setBackend(chosen)
    })
    return () => {
      live = false
    }
  }, [])
  return backend
}
