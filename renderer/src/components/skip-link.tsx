import { scrollToTopOfList } from '../lib/scroll';
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
        target.focus({ preventScroll: true });
        scrollToTopOfList(target);
      }}
    >
      Skip to the checklist
    </a>
  );
}
