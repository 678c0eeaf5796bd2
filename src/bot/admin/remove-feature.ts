// Removing a document: /remove <id> or a 🗑 button asks to confirm; the confirmation deletes the file and its passages.
import { Composer, InlineKeyboard } from "grammy";
import { audit } from "../../audit.js";
import { removeDocument } from "../../intake/corpus-writer.js";
import type { BotContext } from "../context.js";
import { type AdminOptions, stringsOf, userIdOf } from "./admin-options.js";
import { adminData, docKey, docOfKey, parseAdminData } from "./callbacks.js";
import { storageFailure } from "./storage-failure.js";

/** Mounted behind the admin check: every handler here may act. */
export function removeFeature(options: AdminOptions): Composer<BotContext> {
  const { kb, config } = options;
  const feature = new Composer<BotContext>();

  const confirm = (ctx: BotContext, docId: string) => {
    const t = stringsOf(ctx);
    const entry = kb.index().document(docId)!;
    const keyboard = new InlineKeyboard()
      .text(t.yesDelete, adminData({ kind: "remove", key: docKey(docId) }))
      .text(t.keep, adminData({ kind: "keep" }));
    return ctx.reply(t.confirmRemove(entry.title, docId, entry.passageIds.length), {
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
  };

  feature.command("remove", (ctx) => {
    const docId = ctx.match.trim();
    if (!docId) return ctx.reply(stringsOf(ctx).removeUsage, { parse_mode: "HTML" });
    if (!kb.index().document(docId))
      return ctx.reply(stringsOf(ctx).noSuchDoc(docId), { parse_mode: "HTML" });
    return confirm(ctx, docId);
  });

  feature.callbackQuery(/^adm:del:/, async (ctx) => {
    const action = parseAdminData(ctx.callbackQuery.data);
    const docId = action?.kind === "ask-remove" ? docOfKey(kb.index(), action.key) : undefined;
    if (!docId) return ctx.answerCallbackQuery({ text: stringsOf(ctx).goneAlready, show_alert: true });
    await ctx.answerCallbackQuery();
    return confirm(ctx, docId);
  });

  feature.callbackQuery(/^adm:rm:/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const action = parseAdminData(ctx.callbackQuery.data);
    const docId = action?.kind === "remove" ? docOfKey(kb.index(), action.key) : undefined;
    if (!docId) return ctx.editMessageText(stringsOf(ctx).goneAlready).catch(() => undefined);
    let passages: number;
    try {
      ({ passages } = await removeDocument(kb, docId));
    } catch (e) {
      return ctx
        .editMessageText(await storageFailure(options, ctx, "remove", e, docId))
        .catch(() => undefined);
    }
    await audit(config.dataDir, { action: "remove", userId: userIdOf(ctx), docId, ok: true });
    await ctx
      .editMessageText(stringsOf(ctx).removed(docId, passages), { parse_mode: "HTML" })
      .catch(() => undefined);
  });

  feature.callbackQuery("adm:keep", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(stringsOf(ctx).kept).catch(() => undefined);
  });

  return feature;
}
