// Markdown table rows: their cells with offsets, and a row read with its header ("Abstained: 7"), so that a number
// in a register says what it counts.
import type { Span } from "../corpus/types.js";

/** A line that is a table row: it starts with "|". */
export function isTableRow(text: string): boolean {
  return text.startsWith("|");
}

/** A table's rule under its header ("| --- | :-: |"): no words to read. */
const TABLE_RULE = /^\|?[ \t:|-]+\|?$/;

/** Whether a line is a table's rule. */
export function isTableRule(line: string): boolean {
  return TABLE_RULE.test(line.trim());
}

/** Whether the row ending at `end` of `text` is a table's header: the next line is its rule, of dashes ("|---|"). */
export function isHeaderRow(text: string, end: number): boolean {
  const next = /^[ \t]*\r?\n([^\r\n]*)/.exec(text.slice(end, end + 200))?.[1];
  return next !== undefined && /-{3}/.test(next) && isTableRule(next);
}

/** The cells of a row, trimmed, with offsets into it; the row's first line only (a heading may follow it). */
export function tableCells(row: string): Span[] {
  const line = row.split(/\r?\n/, 1)[0]!;
  const cells: Span[] = [];
  let start = line.indexOf("|") + 1;
  for (let bar = line.indexOf("|", start); bar !== -1; bar = line.indexOf("|", start)) {
    let s = start;
    let e = bar;
    while (s < e && /\s/.test(line[s]!)) s++;
    while (e > s && /\s/.test(line[e - 1]!)) e--;
    cells.push({ start: s, end: e });
    start = bar + 1;
  }
  return cells;
}

/**
 * A row read with its header: each cell after its column's name, "No.: 16; Decision: Shadow Mandate; For: 45;
 * Against: 6; Abstained: 7". Undefined when the two have not the same number of cells.
 */
export function labelledRow(row: string, header: string): string | undefined {
  const cells = tableCells(row);
  const names = tableCells(header);
  if (cells.length === 0 || cells.length !== names.length) return undefined;
  return cells
    .map((c, i) => `${header.slice(names[i]!.start, names[i]!.end)}: ${row.slice(c.start, c.end)}`)
    .join("; ");
}

/** A sentence as read: a row with its header's labels (`labelledRow`); prose, or a row of another width, as it is. */
export function withLabels(text: string, header?: string): string {
  return (header && labelledRow(text, header)) || text;
}
