/**
 * Focuses an element once no dialog is left on the page. A closing dialog hands focus back to
 * what opened it; the element that opened a fix may be gone after the fix, so focus goes to
 * what the fix changed instead, after the dialog has finished closing.
 */
export function focusWhenNoDialog(element: () => HTMLElement | null, maxFrames = 90): void {
  let frames = 0;
  const attempt = () => {
    const dialogOpen = document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
    if (dialogOpen && frames < maxFrames) {
      frames += 1;
      requestAnimationFrame(attempt);
      return;
    }
    element()?.focus({ preventScroll: false });
  };
  requestAnimationFrame(attempt);
}
