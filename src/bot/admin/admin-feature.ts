// Admin commands in the private chat: /add (text, files, links), /docs, /remove, /reindex. Everything is audited.
import { createHash } from "node:crypto";
import { Composer, InlineKeyboard } from "grammy";
import type { Document } from "grammy/types";
import { audit } from "../../audit.js";
import type { Config } from "../../config.js";
import { DocumentRejectedError, StorageError } from "../../errors.js";
import { addDocument, removeDocument, type Submission } from "../../intake/corpus-writer.js";
import { fetchUrl } from "../../intake/fetch-url.js";
import type { KnowledgeBase } from "../../knowledge-base.js";
import type { Logger } from "../../logger.js";
import type { BotContext } from "../context.js";
import { describeError } from "../error-boundary.js";
import { type AdminStrings, adminStrings } from "./strings.js";
import { downloadFile, type FileSource } from "./telegram-file.js";

export interface AdminOptions {
  config: Pick<Config, "ADMIN_IDS" | "MAX_UPLOAD_MB" | "ALLOW_PRIVATE_URLS" | "dataDir">;
  kb: KnowledgeBase;
  files: FileSource;
  log: Logger;
}

const PAGE_SIZE = 8;
/** After a bare /add, the next file from that admin is taken for this long. */
const PENDING_MS = 5 * 60_000;
const COMMANDS = ["add", "docs", "remove", "reindex", "cancel"];

const shortId = (docId: string) => createHash("sha256").update(docId).digest("hex").slice(0, 16);

export function adminFeature(options: AdminOptions): Composer<BotContext> {
  const { config, kb, log } = options;
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;
  const pending = new Map<number, number>();
  const feature = new Composer<BotContext>();
  const s = (ctx: BotContext): AdminStrings => adminStrings(ctx.lang);
  const userId = (ctx: BotContext) => ctx.from?.id ?? 0;

  /**
   * A /remove or /reindex that failed for want of disk space or permission: logged, audited, and the admin's text
   * returned. Any other error is rethrown to the error boundary.
   */
  const storageFailure = async (
    ctx: BotContext,
    action: "remove" | "reindex",
    e: unknown,
    docId?: string,
  ) => {
    const storage = StorageError.of(e);
    if (!storage) throw e;
    log.error(`/${action}${docId ? ` ${docId}` : ""} failed: ${storage.message}`);
    await audit(config.dataDir, { action, userId: userId(ctx), docId, detail: storage.code, ok: false });
    return s(ctx).storage(storage.kind);
  };
  const isAdmin = (ctx: BotContext) => config.ADMIN_IDS.includes(userId(ctx));

  // Gate: non-admins and group chats are refused before any admin handler runs.
  feature.command(COMMANDS, async (ctx, next) => {
    if (!isAdmin(ctx)) {
      await audit(config.dataDir, {
        action: "refused",
        userId: userId(ctx),
        detail: `/${ctx.message?.text?.split(/\s/)[0]?.slice(1)}`,
        ok: false,
      });
      return ctx.reply(s(ctx).adminsOnly);
    }
    if (ctx.chat?.type !== "private") return ctx.reply(s(ctx).privateOnly);
    return next();
  });
  const admin = feature.filter((ctx) => isAdmin(ctx) && ctx.chat?.type === "private");

  /** Runs one /add with a status message edited through the steps; refusals are explained, nothing is written. */
  const runAdd = async (
    ctx: BotContext,
    source: string,
    load: () => Promise<Omit<Submission, "source" | "addedBy">>,
  ) => {
    const t = s(ctx);
    const status = await ctx.reply(t.steps.downloading, {
      reply_parameters: { message_id: ctx.msg!.message_id, allow_sending_without_reply: true },
    });
    const show = (html: string) =>
      ctx.api
        .editMessageText(status.chat.id, status.message_id, html, { parse_mode: "HTML" })
        .catch(() => undefined);
    try {
      const request = `telegram ${ctx.chat?.id}/${ctx.msg?.message_id}`;
      const sub = { ...(await load()), source, addedBy: userId(ctx), request };
      const added = await addDocument(kb, sub, {
        dataDir: config.dataDir,
        maxBytes,
        onStep: async (step) => void (await show(t.steps[step])),
      });
      await audit(config.dataDir, {
        action: "add",
        userId: userId(ctx),
        docId: added.docId,
        // Written before a crash, indexed on start: this replay of the request completes it.
        detail: added.resumed ? `${source} (completed after a restart)` : source,
        ok: true,
      });
      await show(
        t.added(added.title, added.docId, added.chars, added.passages, (added.ms / 1000).toFixed(1)),
      );
    } catch (e) {
      const refused = e instanceof DocumentRejectedError;
      if (!refused) log.error(`/add from ${userId(ctx)} failed: ${describeError(e)}`);
      await audit(config.dataDir, {
        action: "add",
        userId: userId(ctx),
        detail: `${source}: ${(e as Error).message}`,
        ok: false,
      });
      const storage = StorageError.of(e);
      await show(refused ? t.refused(e.message) : storage ? t.storage(storage.kind) : t.failed);
    }
  };

  const addFile = (ctx: BotContext, doc: Document) => {
    return runAdd(ctx, `telegram file ${doc.file_name ?? doc.file_id}`, async () => {
      if ((doc.file_size ?? 0) > maxBytes) throw DocumentRejectedError.tooLarge(maxBytes);
      const bytes = await downloadFile(ctx.api, options.files, doc.file_id, maxBytes);
      return { bytes, fileName: doc.file_name, mimeType: doc.mime_type };
    });
  };

  admin.command("add", async (ctx) => {
    const arg = ctx.match.trim();
    const replied = ctx.msg.reply_to_message;
    if (/^https?:\/\/\S+$/i.test(arg)) {
      return runAdd(ctx, arg, async () => {
        const page = await fetchUrl(arg, { maxBytes, allowPrivate: config.ALLOW_PRIVATE_URLS });
        return {
          bytes: page.bytes,
          mimeType: page.contentType,
          fileName: new URL(page.url).pathname.match(/\.[a-z]+$/i) ? new URL(page.url).pathname : undefined,
        };
      });
    }
    if (replied?.document) return addFile(ctx, replied.document);
    const text = arg || replied?.text || "";
    if (!text) {
      pending.set(userId(ctx), Date.now() + PENDING_MS);
      return ctx.reply(s(ctx).waitingForFile, { parse_mode: "HTML" });
    }
    const [first, ...rest] = text.split("\n");
    const title = rest.join("\n").trim() && first!.trim().length <= 120 ? first!.trim() : undefined;
    return runAdd(ctx, arg ? "telegram message" : "telegram reply", async () => ({
      bytes: Buffer.from(title ? rest.join("\n") : text),
      title,
    }));
  });

  admin.command("cancel", (ctx) => {
    pending.delete(userId(ctx));
    return ctx.reply(s(ctx).cancelled);
  });

  // A file captioned /add, or the file that follows a bare /add.
  feature.on("message:document", async (ctx, next) => {
    const captioned = /^\/add(@\w+)?(\s|$)/.test(ctx.msg.caption ?? "");
    const awaited = (pending.get(userId(ctx)) ?? 0) > Date.now();
    if (!captioned && !awaited) return next();
    if (!isAdmin(ctx)) return ctx.reply(s(ctx).adminsOnly);
    if (ctx.chat.type !== "private") return ctx.reply(s(ctx).privateOnly);
    pending.delete(userId(ctx));
    return addFile(ctx, ctx.msg.document);
  });

  const docsPage = (ctx: BotContext, page: number) => {
    const t = s(ctx);
    const index = kb.index();
    const ids = index.documentIds();
    if (ids.length === 0) return { text: t.docsEmpty, keyboard: undefined };
    const pages = Math.ceil(ids.length / PAGE_SIZE);
    const p = Math.min(Math.max(0, page), pages - 1);
    const lines = ids.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE).map((id) => {
      const d = index.document(id)!;
      const meta = d.meta ?? {};
      const when = typeof meta.added_at === "string" ? meta.added_at.slice(0, 10) : d.indexedAt.slice(0, 10);
      return t.docLine(d.title, id, d.passageIds.length, when, meta.added_by ? String(meta.added_by) : "");
    });
    const keyboard = new InlineKeyboard();
    if (p > 0) keyboard.text(t.prev, `adm:docs:${p - 1}`);
    if (p < pages - 1) keyboard.text(t.next, `adm:docs:${p + 1}`);
    return {
      text: [t.docsTitle(ids.length, p + 1, pages), ...lines].join("\n"),
      keyboard: pages > 1 ? keyboard : undefined,
    };
  };

  admin.command("docs", (ctx) => {
    const { text, keyboard } = docsPage(ctx, 0);
    return ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  });

  admin.callbackQuery(/^adm:docs:(\d+)$/, async (ctx) => {
    const { text, keyboard } = docsPage(ctx, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(() => undefined);
  });

  admin.command("remove", (ctx) => {
    const docId = ctx.match.trim();
    if (!docId) return ctx.reply(s(ctx).removeUsage, { parse_mode: "HTML" });
    const entry = kb.index().document(docId);
    if (!entry) return ctx.reply(s(ctx).noSuchDoc(docId), { parse_mode: "HTML" });
    const keyboard = new InlineKeyboard()
      .text(s(ctx).yesDelete, `adm:rm:${shortId(docId)}`)
      .text(s(ctx).keep, "adm:keep");
    return ctx.reply(s(ctx).confirmRemove(entry.title, docId, entry.passageIds.length), {
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
  });

  admin.callbackQuery(/^adm:rm:([0-9a-f]{16})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const docId = kb
      .index()
      .documentIds()
      .find((id) => shortId(id) === ctx.match[1]);
    if (!docId) return ctx.editMessageText(s(ctx).goneAlready).catch(() => undefined);
    let passages: number;
    try {
      ({ passages } = await removeDocument(kb, docId));
    } catch (e) {
      return ctx.editMessageText(await storageFailure(ctx, "remove", e, docId)).catch(() => undefined);
    }
    await audit(config.dataDir, { action: "remove", userId: userId(ctx), docId, ok: true });
    await ctx.editMessageText(s(ctx).removed(docId, passages), { parse_mode: "HTML" }).catch(() => undefined);
  });

  admin.callbackQuery("adm:keep", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(s(ctx).kept).catch(() => undefined);
  });

  // A non-admin pressing an admin button (forwarded keyboard, forged data) changes nothing.
  feature.callbackQuery(/^adm:/, (ctx) => ctx.answerCallbackQuery({ text: s(ctx).adminsOnly }));

  admin.command("reindex", async (ctx) => {
    const status = await ctx.reply(s(ctx).reindexing);
    let report: Awaited<ReturnType<typeof kb.sync>>;
    try {
      report = await kb.sync({ rebuild: true });
    } catch (e) {
      const text = await storageFailure(ctx, "reindex", e);
      return ctx.api.editMessageText(status.chat.id, status.message_id, text);
    }
    await audit(config.dataDir, {
      action: "reindex",
      userId: userId(ctx),
      detail: `${report.passages} passages`,
      ok: true,
    });
    await ctx.api.editMessageText(
      status.chat.id,
      status.message_id,
      s(ctx).reindexed(kb.index().documentIds().length, report.passages, (report.ms / 1000).toFixed(1)),
    );
  });

  return feature;
}
