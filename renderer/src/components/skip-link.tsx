import { CHECKLIST_HEADING_ID } from './checklist';

/** First tab stop: jumps past the toolbar to the checklist. Visible only when focused. */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href={`#${CHECKLIST_HEADING_ID}`}
      onClick={(event) => {
        const target = document.getElementById(CHECKLIST_HEADING_ID);
        if (!target) return;
        event.preventDefault();
        target.focus();
        target.scrollIntoView({ block: 'start' });
      }}
    >
      Skip to the checklist
    </a>
  );
}
