import type { Notice } from '../hooks/use-notices.ts'

interface NoticeBarProps {
  readonly notices: readonly Notice[]
  readonly onDismiss: (key: string) => void
}

/** The messages to the person, newest last, each with its issues and actions. */
export function NoticeBar({ notices, onDismiss }: NoticeBarProps) {
  if (notices.length === 0) return null
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <section
          key={notice.key}
          className={`notice notice-${notice.tone}`}
          data-testid="notice"
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          <p>{notice.text}</p>
          {notice.details !== undefined && notice.details.length > 0 && (
            <ul className="notice-details">
              {notice.details.map((d, i) => (
                <li key={i}>
                  {d.path !== '' && <code>{d.path}</code>} {d.message}
                </li>
              ))}
            </ul>
          )}
          <div className="notice-actions">
            {notice.actions?.map((action) => (
              <button
                key={action.label}
                type="button"
                onClick={() => {
                  onDismiss(notice.key)
                  action.run()
                }}
              >
                {action.label}
              </button>
            ))}
            <button type="button" className="notice-dismiss" onClick={() => onDismiss(notice.key)}>
              Dismiss
            </button>
          </div>
        </section>
      ))}
    </div>
  )
}
