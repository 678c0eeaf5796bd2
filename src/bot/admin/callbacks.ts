// Admin button payloads (at most 64 bytes): a document is named by a hash of its id, resolved against the manifest
// when pressed, so buttons keep working after a restart and a removed document is recognised as gone.
import { createHash } from "node:crypto";
import type { PassageIndex } from "../../index/passage-index.js";
import { CALLBACK_DATA_MAX_BYTES } from "../callback-data.js";

export type AdminAction =
  | { kind: "page"; page: number }
  | { kind: "open"; key: string }
  | { kind: "passage"; key: string; i: number }
  | { kind: "ask-remove"; key: string }
  | { kind: "remove"; key: string }
  | { kind: "keep" }
  | { kind: "near-duplicate"; keep: boolean; token: string };

/** 16 hex digits of sha256(docId): 64 bits, so two documents of one corpus never share a key. */
export function docKey(docId: string): string {
  return createHash("sha256").update(docId).digest("hex").slice(0, 16);
}

/** The document a key names, if the index still holds it. */
export function docOfKey(index: PassageIndex, key: string): string | undefined {
  return index.documentIds().find((id) => docKey(id) === key);
}

export function adminData(action: AdminAction): string {
  const data = (() => {
    switch (action.kind) {
      case "page":
        return `adm:docs:${action.page}`;
      case "open":
        return `adm:open:${action.key}`;
      case "passage":
        return `adm:psg:${action.key}:${action.i}`;
      case "ask-remove":
        return `adm:del:${action.key}`;
      case "remove":
        return `adm:rm:${action.key}`;
      case "keep":
        return "adm:keep";
      case "near-duplicate":
        return `adm:dup:${action.keep ? "k" : "c"}:${action.token}`;
    }
  })();
  if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES)
    throw new RangeError(`callback data too long: ${data}`);
  return data;
}

const KEY = "([0-9a-f]{16})";
const PATTERNS: [RegExp, (m: RegExpExecArray) => AdminAction][] = [
  [/^adm:docs:(\d{1,6})$/, (m) => ({ kind: "page", page: Number(m[1]) })],
  [new RegExp(`^adm:open:${KEY}$`), (m) => ({ kind: "open", key: m[1]! })],
  [new RegExp(`^adm:psg:${KEY}:(\\d{1,6})$`), (m) => ({ kind: "passage", key: m[1]!, i: Number(m[2]) })],
  [new RegExp(`^adm:del:${KEY}$`), (m) => ({ kind: "ask-remove", key: m[1]! })],
  [new RegExp(`^adm:rm:${KEY}$`), (m) => ({ kind: "remove", key: m[1]! })],
  [/^adm:keep$/, () => ({ kind: "keep" })],
  [/^adm:dup:([kc]):([0-9a-f]{12})$/, (m) => ({ kind: "near-duplicate", keep: m[1] === "k", token: m[2]! })],
];

/** The action a payload names; undefined for anything else (an old layout, forged data). */
export function parseAdminData(data: string): AdminAction | undefined {
  for (const [pattern, read] of PATTERNS) {
    const m = pattern.exec(data);
    if (m) return read(m);
  }
  return undefined;
}
