import type { CheckStatus } from '@contract/types';

// Small drawn icons (no icon font, nothing fetched): each status has its own shape, so the
// status reads without colour too. They are decorative; the text label next to them is what counts.
const SHAPES: Record<CheckStatus, React.ReactNode> = {
  pass: (
    <>
      <circle cx="10" cy="10" r="8" fill="currentColor" />
      <path d="M6 10.2l2.6 2.6L14 7.4" fill="none" stroke="var(--status-icon-contrast)" strokeWidth="2" />
    </>
  ),
  warn: (
    <>
      <path d="M10 2.2L18.4 17H1.6z" fill="currentColor" />
      <path d="M10 7.5v4.6" stroke="var(--status-icon-contrast)" strokeWidth="2" />
      <circle cx="10" cy="14.6" r="1.1" fill="var(--status-icon-contrast)" />
    </>
  ),
  fail: (
    <>
      <circle cx="10" cy="10" r="8" fill="currentColor" />
      <path d="M7 7l6 6M13 7l-6 6" stroke="var(--status-icon-contrast)" strokeWidth="2" />
    </>
  ),
  blocked: (
    <>
      <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M5.2 14.8l9.6-9.6" stroke="currentColor" strokeWidth="2" />
    </>
  ),
  unknown: (
    <>
      <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M7.8 8a2.3 2.3 0 1 1 3.2 2.1c-.7.3-1 .8-1 1.5v.4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      />
      <circle cx="10" cy="14.3" r="1" fill="currentColor" />
    </>
  ),
  skip: (
    <>
      <circle
        cx="10"
        cy="10"
        r="7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeDasharray="3 2"
      />
      <path d="M6.5 10h7" stroke="currentColor" strokeWidth="2" />
    </>
  ),
};

export function StatusIcon({ status, size = 20 }: { status: CheckStatus; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {SHAPES[status]}
    </svg>
  );
}
