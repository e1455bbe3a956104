import { useRunStore } from '../state/run-store';

/** A polite live region: screen readers hear "Checks complete: …" when a run ends. */
export function Announcer() {
  const announcement = useRunStore((s) => s.announcement);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {/* The key re-mounts the text, so the same result announced twice is read twice. */}
      {announcement && <span key={announcement.seq}>{announcement.text}</span>}
    </div>
  );
}
