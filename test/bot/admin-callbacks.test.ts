// Admin button payloads: every action round-trips within 64 bytes; anything else is not an admin action.
import { describe, expect, it } from "vitest";
import { type AdminAction, adminData, docKey, parseAdminData } from "../../src/bot/admin/callbacks.js";

const key = docKey("2026-03-04-a-rather-long-document-id-from-the-corpus-folder.md");

describe("admin callback data", () => {
  it.each<AdminAction>([
    { kind: "page", page: 12 },
    { kind: "open", key },
    { kind: "passage", key, i: 41 },
    { kind: "ask-remove", key },
    { kind: "remove", key },
    { kind: "keep" },
    { kind: "near-duplicate", keep: true, token: "0123456789ab" },
    { kind: "near-duplicate", keep: false, token: "0123456789ab" },
  ])("round-trips %j within 64 bytes", (action) => {
    const data = adminData(action);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(parseAdminData(data)).toEqual(action);
  });

  it.each(["adm:rm:../../x", "adm:docs:-1", "adm:psg:zz", "adm:", "src:1", `adm:open:${key}x`])(
    "reads %j as nothing",
    (data) => {
      expect(parseAdminData(data)).toBeUndefined();
    },
  );
});
