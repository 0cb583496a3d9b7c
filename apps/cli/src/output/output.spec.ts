import { describe, expect, it } from 'vitest';
import { shouldColor } from './output';
import { formatDuration, formatEpochSeconds, renderTable } from './table';

describe('shouldColor', () => {
  it('colours a TTY only, and honours --no-color, NO_COLOR, TERM=dumb and FORCE_COLOR', () => {
    expect(shouldColor({ isTTY: true }, true, {})).toBe(true);
    expect(shouldColor({ isTTY: false }, true, {})).toBe(false);
    expect(shouldColor({ isTTY: true }, false, {})).toBe(false);
    expect(shouldColor({ isTTY: true }, true, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor({ isTTY: true }, true, { TERM: 'dumb' })).toBe(false);
    expect(shouldColor({ isTTY: false }, true, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldColor({ isTTY: true }, true, { FORCE_COLOR: '0' })).toBe(false);
  });
});

describe('renderTable', () => {
  it('aligns columns on visible width (colour codes do not count)', () => {
    const table = renderTable(
      [{ header: 'ID' }, { header: 'N', align: 'right' }, { header: 'NOTE' }],
      [
        ['a', '1', '\u001b[32mgreen\u001b[39m'],
        ['longer', '100', 'x'],
      ],
    );
    expect(table.split('\n')).toEqual(['ID        N  NOTE', 'a         1  \u001b[32mgreen\u001b[39m', 'longer  100  x']);
  });

  it('formats times and durations', () => {
    expect(formatEpochSeconds(1700000000.5)).toBe('2023-11-14 22:13:20');
    expect(formatEpochSeconds(undefined)).toBe('-');
    expect([formatDuration(850), formatDuration(12_400), formatDuration(184_000), formatDuration(7_500_000)]).toEqual(['850ms', '12s', '3m 4s', '2h 5m']);
  });
});
