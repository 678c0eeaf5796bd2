// Small talk: a greeting, thanks, emoji or a sticker gets a short friendly word in the user's language, without
// quotes or vote buttons. In a group, thanks, emoji or a sticker replied to the bot get a reaction at most.
import { Composer } from "grammy";
import type { Logger } from "../../logger.js";
import { isCommand, questionFor } from "../addressing.js";
import type { BotContext } from "../context.js";
import { describeError, replyTo } from "../error-boundary.js";
import { stringsOf } from "../i18n.js";
import { type SmallTalk, smallTalkLang, smallTalkOf } from "../small-talk.js";

export function smallTalkFeature(log: Logger): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("message:text", async (ctx, next) => {
    if (isCommand(ctx)) return next();
    const text = questionFor(ctx);
    const kind = text === undefined ? undefined : smallTalkOf(text);
    if (!kind || text === undefined) return next();
    await respond(ctx, kind, smallTalkLang(text, ctx.lang), log);
  });

  feature.on("message:sticker", async (ctx) => {
    const private_ = ctx.chat.type === "private";
    if (private_ || ctx.msg.reply_to_message?.from?.id === ctx.me.id)
      await respond(ctx, "emoji", ctx.lang, log);
  });

  return feature;
}

async function respond(ctx: BotContext, kind: SmallTalk, lang: "en" | "ru", log: Logger): Promise<void> {
  if (ctx.chat?.type !== "private" && kind !== "greeting") {
    // A group does not need the bot's "you're welcome"; a 👍 on the message says it was seen, if Telegram allows.
    await ctx.react("👍").catch((e: unknown) => log.debug(`reaction not set (ignored): ${describeError(e)}`));
    return;
  }
  const id = ctx.msg?.message_id;
  await ctx.reply(stringsOf(lang).smallTalk[kind], {
    parse_mode: "HTML",
    reply_parameters: id && ctx.chat?.type !== "private" ? replyTo(id) : undefined,
  });
}
