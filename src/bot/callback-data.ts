// Inline button payloads: a source button names its answer and citation (with the passage and span, for after a
// restart); an older one only the passage and span; a vote names an answer. At most 64 bytes.

export const CALLBACK_DATA_MAX_BYTES = 64;

export type CallbackAction =
  | { kind: "source"; passageId: string; start?: number; end?: number }
  | { kind: "vote"; up: boolean; answerId: string }
  /** Expands citation `n` under answer `answerId` (0: collapses it); the passage is there for a forgotten answer. */
  | { kind: "show"; answerId: string; n: number; passageId?: string; start?: number; end?: number };

const fits = (data: string) => Buffer.byteLength(data, "utf8") <= CALLBACK_DATA_MAX_BYTES;

/** `src:<passageId>:<start>:<end>` (offsets in base 36); the span is dropped if it would not fit. */
export function sourceData(passageId: string, start: number, end: number): string | undefined {
  const full = `src:${passageId}:${start.toString(36)}:${end.toString(36)}`;
  if (fits(full)) return full;
  const bare = `src:${passageId}`;
  return fits(bare) ? bare : undefined;
}

/** `s:<answerId>:<n>[:<passageId>[:<start>:<end>]]`, dropping what does not fit. */
export function showData(
  answerId: string,
  n: number,
  passageId?: string,
  start?: number,
  end?: number,
): string {
  const base = `s:${answerId}:${n}`;
  const withSpan = `${base}:${passageId}:${start?.toString(36)}:${end?.toString(36)}`;
  if (passageId && start !== undefined && end !== undefined && fits(withSpan)) return withSpan;
  if (passageId && fits(`${base}:${passageId}`)) return `${base}:${passageId}`;
  if (!fits(base)) throw new RangeError(`answer id too long for callback data: ${answerId}`);
  return base;
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
  if (kind === "s" && a && b !== undefined && /^\d+$/.test(b)) {
    const [, , , passageId, from, to] = data.split(":");
    const start = from === undefined ? undefined : Number.parseInt(from, 36);
    const end = to === undefined ? undefined : Number.parseInt(to, 36);
    const span = Number.isInteger(start) && Number.isInteger(end) && start! <= end!;
    return {
      kind: "show",
      answerId: a,
      n: Number(b),
      ...(passageId ? { passageId } : {}),
      ...(span ? { start, end } : {}),
    };
  }
  if (kind === "fb" && (a === "u" || a === "d") && b) return { kind: "vote", up: a === "u", answerId: b };
  return undefined;
}
