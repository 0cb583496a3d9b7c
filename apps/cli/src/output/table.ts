import { stripVTControlCharacters } from 'node:util';

/** A column of a table: its header and how to align it. */
export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
}

const visibleLength = (text: string): number => stripVTControlCharacters(text).length;

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Renders rows as aligned columns separated by two spaces (cells may carry colour codes; widths
 * count visible characters). `styleHeader` decorates the header row.
 */
export function renderTable(
  columns: TableColumn[],
  rows: string[][],
  styleHeader: (text: string) => string = (text) => text,
): string {
  const widths = columns.map((column, i) => Math.max(visibleLength(column.header), ...rows.map((row) => visibleLength(row[i] ?? ''))));
  const line = (cells: string[], decorate = (text: string) => text) =>
    cells
      .map((cell, i) => (i === cells.length - 1 && columns[i].align !== 'right' ? cell : pad(cell, widths[i], columns[i].align ?? 'left')))
      .map(decorate)
      .join('  ');
  return [line(columns.map((c) => c.header), styleHeader), ...rows.map((row) => line(row))].join('\n');
}

/** Seconds since the epoch → "2026-01-31 12:00:00" (UTC), or "-" for nothing. */
export function formatEpochSeconds(seconds: number | undefined): string {
  if (!seconds) return '-';
  return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
}

/** A duration in ms as "850ms", "12s", "3m 4s", "2h 5m". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}
