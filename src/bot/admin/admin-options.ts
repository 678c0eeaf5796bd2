// What every admin feature is built from, and the small helpers they share: who is asking, are they an admin.
import type { Config } from "../../config.js";
import type { KnowledgeBase } from "../../knowledge-base.js";
import type { Logger } from "../../logger.js";
import type { BotContext } from "../context.js";
import { type AdminStrings, adminStrings } from "./strings.js";
import type { FileSource } from "./telegram-file.js";

export interface AdminOptions {
  config: Pick<Config, "ADMIN_IDS" | "MAX_UPLOAD_MB" | "ALLOW_PRIVATE_URLS" | "dataDir">;
  kb: KnowledgeBase;
  files: FileSource;
  log: Logger;
}

export const userIdOf = (ctx: BotContext): number => ctx.from?.id ?? 0;

/** The sender's name as Telegram shows it ("Anna Petrova @anna"), for /docs. */
export function userNameOf(ctx: BotContext): string | undefined {
  const from = ctx.from;
  if (!from) return undefined;
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return [name, from.username ? `@${from.username}` : ""].filter(Boolean).join(" ") || undefined;
}

export const stringsOf = (ctx: BotContext): AdminStrings => adminStrings(ctx.lang);

/** An admin in a private chat: the only place admin commands and buttons act. */
export function adminCheck(config: AdminOptions["config"]) {
  const isAdmin = (ctx: BotContext) => config.ADMIN_IDS.includes(userIdOf(ctx));
  return { isAdmin, acts: (ctx: BotContext) => isAdmin(ctx) && ctx.chat?.type === "private" };
}
