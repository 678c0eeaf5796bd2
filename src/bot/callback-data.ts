// Inline button payloads: a source button names a passage and the quoted span; a vote names an answer. At most 64 bytes.

export const CALLBACK_DATA_MAX_BYTES = 64;

export type CallbackAction =
  | { kind: "source"; passageId: string; start?: number; end?: number }
  | { kind: "vote"; up: boolean; answerId: string };

const fits = (data: string) => Buffer.byteLength(data, "utf8") <= CALLBACK_DATA_MAX_BYTES;

/** `src:<passageId>:<start>:<end>` (offsets in base 36); the span is dropped if it would not fit. */
export function sourceData(passageId: string, start: number, end: number): string | undefined {
  const full = `src:${passageId}:${start.toString(36)}:${end.toString(36)}`;
  if (fits(full)) return full;
  const bare = `src:${passageId}`;
  return fits(bare) ? bare : undefined;
}

export function voteData(up: boolean, answerId: string): string {
  const data = `fb:${up ? "u" : "d"}:${answerId}`;
  if (!fits(data)) throw new RangeError(`answer id too long for callback data: ${answerId}`);
  return data;
}

export function parseCallbackData(data: string): CallbackAction | undefined {
  const [kind, a, b, c] = data.split(":");
  if (kind === "src" && a) {
    const start = b === undefined ? undefined : Number.parseInt(b, 36);
    const end = c === undefined ? undefined : Number.parseInt(c, 36);
    const span = Number.isInteger(start) && Number.isInteger(end) && start! <= end!;
    return span ? { kind: "source", passageId: a, start, end } : { kind: "source", passageId: a };
  }
  if (kind === "fb" && (a === "u" || a === "d") && b) return { kind: "vote", up: a === "u", answerId: b };
  return undefined;
}
