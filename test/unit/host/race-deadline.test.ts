import { describe, expect, it } from 'vitest';
import { raceDeadline } from '../../../electron/host/race-deadline';

describe('raceDeadline', () => {
  it('gives the value of a promise that settles in time, and never calls onLate', async () => {
    let late = 0;
    const value = await raceDeadline(Promise.resolve('done'), 1_000, () => {
      late++;
      return 'late';
    });
    expect(value).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(late).toBe(0);
  });

  it('stops waiting on a promise that never settles', async () => {
    const startedAt = Date.now();
    const value = await raceDeadline(new Promise<string>(() => {}), 50, () => 'gave up');
    expect(value).toBe('gave up');
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });

  it('passes on a rejection that comes in time', async () => {
    await expect(raceDeadline(Promise.reject(new Error('broke')), 1_000, () => 'late')).rejects.toThrow(
      'broke',
    );
  });

  it('ignores a rejection that comes after the deadline', async () => {
    const slow = new Promise<string>((_resolve, reject) =>
      setTimeout(() => reject(new Error('too late')), 60),
    );
    expect(await raceDeadline(slow, 10, () => 'gave up')).toBe('gave up');
    // Let the late rejection happen: it must not surface as unhandled.
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
});
