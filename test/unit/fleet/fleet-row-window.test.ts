// The fleet table renders only the rows in view: which rows those are, at the top, in the middle,
// at the end, and before the rows reach the viewport.

import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../../renderer/src/lib/fleet-rows';

describe('rowWindow', () => {
  it('renders the rows in view and the overscan either side', () => {
    expect(rowWindow(10_000, 0, 560, 28, 5)).toEqual({ start: 0, end: 25 });
    expect(rowWindow(10_000, 28 * 1000, 560, 28, 5)).toEqual({ start: 995, end: 1025 });
    expect(rowWindow(10_000, 28 * 1000 + 14, 560, 28, 5)).toEqual({ start: 995, end: 1026 });
  });

  it('stops at the last row', () => {
    expect(rowWindow(100, 28 * 95, 560, 28, 5)).toEqual({ start: 90, end: 100 });
    expect(rowWindow(100, 28 * 500, 560, 28, 5)).toEqual({ start: 100, end: 100 });
  });

  it('renders the first rows while they start below the viewport top', () => {
    expect(rowWindow(10_000, -300, 560, 28, 5)).toEqual({ start: 0, end: 15 });
    expect(rowWindow(10_000, -600, 560, 28, 5)).toEqual({ start: 0, end: 5 });
  });

  it('renders nothing without rows', () => {
    expect(rowWindow(0, 0, 560, 28, 5)).toEqual({ start: 0, end: 0 });
  });
});
