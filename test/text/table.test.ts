// Markdown table rows: cells, header rows, and a row read with its header.
import { describe, expect, it } from "vitest";
import { isHeaderRow, isTableRow, labelledRow, tableCells } from "../../src/text/table.js";

describe("table rows", () => {
  const header = "| No. | Decision | For | Against | Abstained |";
  const row = '| 16 | "Shadow Mandate" programme | 45 | 6 | 7 |';

  it("are lines that start with a bar; a header is followed by the separator line", () => {
    const text = `${header}\n|---|:---:|---|---|---|\n${row}\n`;
    expect(isTableRow(row)).toBe(true);
    expect(isTableRow("The vote was 45 to 6.")).toBe(false);
    expect(isHeaderRow(text, header.length)).toBe(true);
    expect(isHeaderRow(text, text.indexOf(row) + row.length)).toBe(false);
  });

  it("split into trimmed cells with offsets, on the row's first line only", () => {
    const cells = tableCells(`${row}\n\n## Decisions`);
    expect(cells.map((c) => row.slice(c.start, c.end))).toEqual([
      "16",
      '"Shadow Mandate" programme',
      "45",
      "6",
      "7",
    ]);
  });

  it("read with their header name each cell by its column", () => {
    expect(labelledRow(row, header)).toBe(
      'No.: 16; Decision: "Shadow Mandate" programme; For: 45; Against: 6; Abstained: 7',
    );
    expect(labelledRow("| 16 | 45 |", header)).toBeUndefined();
  });
});
