// /help for an admin in a private chat: the usual help, then the admin commands.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send-html.js";
import { stringsOf } from "./admin-options.js";

/** Mounted behind the admin check, before the general /help. */
export function adminHelpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("help", (ctx) => sendHtml(ctx, [`${ctx.t.help}\n\n${stringsOf(ctx).help}`]));
  return feature;
}
