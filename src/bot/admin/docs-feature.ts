// /docs: the paged list of documents, and its buttons to page through it and to open a document passage by passage.
import { Composer, InlineKeyboard } from "grammy";
import type { KnowledgeBase } from "../../knowledge-base.js";
import type { BotContext } from "../context.js";
import { blockquote, escapeHtml } from "../html.js";
import { stringsOf } from "./admin-options.js";
import { adminData, docOfKey, parseAdminData } from "./callbacks.js";
import { docsPage } from "./docs-page.js";

const NO_PREVIEW = { is_disabled: true };

/** Passage `i` of a document (clamped), with buttons to the neighbours and to remove it; undefined when it is gone. */
function passageView(kb: KnowledgeBase, ctx: BotContext, key: string, i: number) {
  const index = kb.index();
  const docId = docOfKey(index, key);
  const entry = docId ? index.document(docId) : undefined;
  if (!docId || !entry || entry.passageIds.length === 0) return undefined;
  const t = stringsOf(ctx);
  const n = entry.passageIds.length;
  const at = Math.min(Math.max(0, i), n - 1);
  const passage = index.passageById(entry.passageIds[at]!);
  const text = `${t.passageTitle(entry.title, docId, at + 1, n)}\n${blockquote(escapeHtml(passage?.text ?? ""), 0)}`;
  const keyboard = new InlineKeyboard();
  if (at > 0) keyboard.text(t.prevPassage, adminData({ kind: "passage", key, i: at - 1 }));
  if (at < n - 1) keyboard.text(t.nextPassage, adminData({ kind: "passage", key, i: at + 1 }));
  keyboard.row().text(t.removeButton, adminData({ kind: "ask-remove", key }));
  return { text, keyboard };
}

/** Mounted behind the admin check: every handler here may act. */
export function docsFeature(kb: KnowledgeBase): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("docs", (ctx) => {
    const { text, keyboard } = docsPage(kb.index(), stringsOf(ctx), 0);
    return ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard, link_preview_options: NO_PREVIEW });
  });

  feature.callbackQuery(/^adm:(docs|open|psg):/, async (ctx) => {
    const action = parseAdminData(ctx.callbackQuery.data);
    if (action?.kind === "page") {
      const { text, keyboard } = docsPage(kb.index(), stringsOf(ctx), action.page);
      await ctx.answerCallbackQuery();
      return ctx
        .editMessageText(text, {
          parse_mode: "HTML",
          reply_markup: keyboard,
          link_preview_options: NO_PREVIEW,
        })
        .catch(() => undefined);
    }
    const view =
      action?.kind === "open" || action?.kind === "passage"
        ? passageView(kb, ctx, action.key, action.kind === "open" ? 0 : action.i)
        : undefined;
    if (!view) return ctx.answerCallbackQuery({ text: stringsOf(ctx).goneAlready, show_alert: true });
    await ctx.answerCallbackQuery();
    const extra = { parse_mode: "HTML" as const, reply_markup: view.keyboard };
    if (action?.kind === "open") return ctx.reply(view.text, extra);
    return ctx.editMessageText(view.text, extra).catch(() => undefined);
  });

  return feature;
}
