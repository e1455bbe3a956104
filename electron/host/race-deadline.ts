/**
 * Settles with the promise's value, or, when it has not settled by the deadline, with what
 * onLate returns (onLate also gets to clean up). The late promise is left to settle unseen:
 * its rejection is swallowed rather than reported as unhandled.
 */
export function raceDeadline<T, L>(promise: Promise<T>, deadlineMs: number, onLate: () => L): Promise<T | L> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(onLate()), deadlineMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
