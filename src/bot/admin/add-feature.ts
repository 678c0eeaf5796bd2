// /add: pasted text, a file (captioned /add, or sent after a bare /add) or a link, with one status message edited
// through the steps; a near-duplicate is held back and offered with buttons to keep both or cancel.
import { randomBytes } from "node:crypto";
import { Composer, InlineKeyboard } from "grammy";
import type { Document } from "grammy/types";
import { audit } from "../../audit.js";
import { DocumentRejectedError, NearDuplicateError, StorageError } from "../../errors.js";
import { addDocument, type Submission } from "../../intake/corpus-writer.js";
import { fetchUrl } from "../../intake/fetch-url.js";
import { readNote } from "../../intake/note-title.js";
import type { BotContext } from "../context.js";
import { describeError } from "../error-boundary.js";
import { type AdminOptions, adminCheck, stringsOf, userIdOf, userNameOf } from "./admin-options.js";
import { adminData, parseAdminData } from "./callbacks.js";
import { downloadFile } from "./telegram-file.js";

/** After a bare /add, the next file from that admin is taken for this long. */
const PENDING_MS = 5 * 60_000;
/** A near-duplicate waits this long for "keep both"; the offer lives in memory, so a restart ends it too. */
const OFFER_MS = 15 * 60_000;

interface Status {
  chatId: number;
  messageId: number;
}
type Loaded = Omit<Submission, "source" | "addedBy" | "addedByName" | "request">;
interface Offer {
  sub: Submission;
  link?: string;
  userId: number;
  until: number;
}

/** Checks who may act itself: a file captioned /add reaches it from anyone. */
export function addFeature(options: AdminOptions): Composer<BotContext> {
  const { config, kb, log } = options;
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;
  const pending = new Map<number, number>();
  const offers = new Map<string, Offer>();
  const feature = new Composer<BotContext>();
  const { isAdmin, acts } = adminCheck(config);
  const admin = feature.filter(acts);

  const show = async (ctx: BotContext, status: Status, html: string, keyboard?: InlineKeyboard) => {
    await ctx.api
      .editMessageText(status.chatId, status.messageId, html, {
        parse_mode: "HTML",
        reply_markup: keyboard,
        link_preview_options: { is_disabled: true },
      })
      .catch(() => undefined);
  };

  const offer = async (
    ctx: BotContext,
    status: Status,
    near: NearDuplicateError,
    sub: Submission,
    link?: string,
  ) => {
    const t = stringsOf(ctx);
    for (const [token, o] of offers) if (o.until < Date.now()) offers.delete(token);
    const token = randomBytes(6).toString("hex");
    offers.set(token, { sub, link, userId: userIdOf(ctx), until: Date.now() + OFFER_MS });
    const keyboard = new InlineKeyboard()
      .text(t.keepBoth, adminData({ kind: "near-duplicate", keep: true, token }))
      .text(t.cancel, adminData({ kind: "near-duplicate", keep: false, token }));
    await show(ctx, status, t.nearDuplicate(near.title, near.docId, Math.round(near.share * 100)), keyboard);
  };

  /** Stores a loaded submission, showing each step, the result, or why it was refused; nothing is written on failure. */
  const store = async (ctx: BotContext, status: Status, load: () => Promise<Submission>, link?: string) => {
    const t = stringsOf(ctx);
    let sub: Submission | undefined;
    try {
      sub = await load();
      const added = await addDocument(kb, sub, {
        dataDir: config.dataDir,
        maxBytes,
        // For a link, what was fetched stays on screen while it is indexed.
        onStep: (step) => (link && step === "indexing" ? undefined : show(ctx, status, t.steps[step])),
        onExtracted: link ? (i) => show(ctx, status, t.fetched(i.title, link, i.bytes, i.chars)) : undefined,
      });
      await audit(config.dataDir, {
        action: "add",
        userId: userIdOf(ctx),
        docId: added.docId,
        // Written before a crash, indexed on start: this replay of the request completes it.
        detail: added.resumed ? `${sub.source} (completed after a restart)` : sub.source,
        ok: true,
      });
      const seconds = (added.ms / 1000).toFixed(1);
      await show(ctx, status, t.added(added.title, added.docId, added.chars, added.passages, seconds));
    } catch (e) {
      const detail = `${sub?.source ?? link ?? "upload"}: ${(e as Error).message}`;
      await audit(config.dataDir, { action: "add", userId: userIdOf(ctx), detail, ok: false });
      if (e instanceof NearDuplicateError && sub) return offer(ctx, status, e, sub, link);
      const refused = e instanceof DocumentRejectedError;
      if (!refused) log.error(`/add from ${userIdOf(ctx)} failed: ${describeError(e)}`);
      const storage = StorageError.of(e);
      await show(ctx, status, refused ? t.refused(e.message) : storage ? t.storage(storage.kind) : t.failed);
    }
  };

  const runAdd = async (ctx: BotContext, source: string, load: () => Promise<Loaded>, link?: string) => {
    const status = await ctx.reply(stringsOf(ctx).steps.downloading, {
      reply_parameters: { message_id: ctx.msg!.message_id, allow_sending_without_reply: true },
    });
    const at = { chatId: status.chat.id, messageId: status.message_id };
    // The request (chat and message) goes into the document's front matter: replayed after a crash, it finds it.
    const request = `telegram ${ctx.chat?.id}/${ctx.msg?.message_id}`;
    const by = { source, addedBy: userIdOf(ctx), addedByName: userNameOf(ctx), request };
    return store(ctx, at, async () => ({ ...(await load()), ...by }), link);
  };

  const addFile = (ctx: BotContext, doc: Document) =>
    runAdd(ctx, `telegram file ${doc.file_name ?? doc.file_id}`, async () => {
      if ((doc.file_size ?? 0) > maxBytes)
        throw DocumentRejectedError.tooLarge(maxBytes, "file", doc.file_size);
      const bytes = await downloadFile(ctx.api, options.files, doc.file_id, maxBytes);
      return { bytes, fileName: doc.file_name, mimeType: doc.mime_type };
    });

  const addLink = (ctx: BotContext, url: string) =>
    runAdd(
      ctx,
      url,
      async () => {
        const page = await fetchUrl(url, { maxBytes, allowPrivate: config.ALLOW_PRIVATE_URLS });
        const path = new URL(page.url).pathname;
        return {
          bytes: page.bytes,
          mimeType: page.contentType,
          fileName: /\.[a-z]+$/i.test(path) ? path : undefined,
        };
      },
      url,
    );

  admin.command("add", async (ctx) => {
    const arg = ctx.match.trim();
    const replied = ctx.msg.reply_to_message;
    if (/^https?:\/\/\S+$/i.test(arg)) return addLink(ctx, arg);
    if (replied?.document) return addFile(ctx, replied.document);
    const text = arg || replied?.text || "";
    if (!text) {
      pending.set(userIdOf(ctx), Date.now() + PENDING_MS);
      return ctx.reply(stringsOf(ctx).addUsage, { parse_mode: "HTML" });
    }
    const note = readNote(text);
    return runAdd(ctx, arg ? "telegram message" : "telegram reply", async () => ({
      bytes: Buffer.from(note.body),
      title: note.title,
    }));
  });

  admin.command("cancel", (ctx) => {
    pending.delete(userIdOf(ctx));
    return ctx.reply(stringsOf(ctx).cancelled);
  });

  admin.callbackQuery(/^adm:dup:/, async (ctx) => {
    const action = parseAdminData(ctx.callbackQuery.data);
    const token = action?.kind === "near-duplicate" ? action.token : "";
    const held = offers.get(token);
    offers.delete(token);
    const t = stringsOf(ctx);
    await ctx.answerCallbackQuery();
    const status = { chatId: ctx.chat!.id, messageId: ctx.callbackQuery.message?.message_id ?? 0 };
    if (!held || held.until < Date.now() || held.userId !== userIdOf(ctx))
      return show(ctx, status, t.offerExpired);
    if (action?.kind === "near-duplicate" && !action.keep) return show(ctx, status, t.nearDuplicateCancelled);
    return store(ctx, status, async () => ({ ...held.sub, keepNearDuplicate: true }), held.link);
  });

  // A file captioned /add, or the file that follows a bare /add.
  feature.on("message:document", async (ctx, next) => {
    const captioned = /^\/add(@\w+)?(\s|$)/.test(ctx.msg.caption ?? "");
    const awaited = (pending.get(userIdOf(ctx)) ?? 0) > Date.now();
    if (!captioned && !awaited) return next();
    if (!isAdmin(ctx)) return ctx.reply(stringsOf(ctx).adminsOnly);
    if (!acts(ctx)) return ctx.reply(stringsOf(ctx).privateOnly);
    pending.delete(userIdOf(ctx));
    return addFile(ctx, ctx.msg.document);
  });

  return feature;
}
