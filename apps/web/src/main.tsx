import '@shotchain/editor/style.css'
import './app.css'
import './run.css'
import './timeline.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { loadFalModels } from './models/fal-models.ts'
import { App } from './ui/App.tsx'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
// fal models the server fetched by id become node types before any workflow opens.
void loadFalModels().finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
