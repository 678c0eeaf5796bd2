// The admin features in the private chat: /add, /docs, /remove, /reindex and their buttons, behind one check that
// refuses (and audits) everyone else. Every action is audited.
import { Composer } from "grammy";
import { audit } from "../../audit.js";
import type { BotContext } from "../context.js";
import { addFeature } from "./add-feature.js";
import { type AdminOptions, adminCheck, stringsOf, userIdOf } from "./admin-options.js";
import { docsFeature } from "./docs-feature.js";
import { adminHelpFeature } from "./help-feature.js";
import { reindexFeature } from "./reindex-feature.js";
import { removeFeature } from "./remove-feature.js";

export type { AdminOptions } from "./admin-options.js";

const COMMANDS = ["add", "docs", "remove", "reindex", "cancel"];

export function adminFeature(options: AdminOptions): Composer<BotContext> {
  const { config } = options;
  const { isAdmin, acts } = adminCheck(config);
  const feature = new Composer<BotContext>();
  const refused = (ctx: BotContext, detail: string) =>
    audit(config.dataDir, { action: "refused", userId: userIdOf(ctx), detail, ok: false });

  // Gate: non-admins and group chats are refused before any admin command runs.
  feature.command(COMMANDS, async (ctx, next) => {
    if (!isAdmin(ctx)) {
      await refused(ctx, `/${ctx.message?.text?.split(/\s/)[0]?.slice(1)}`);
      return ctx.reply(stringsOf(ctx).adminsOnly);
    }
    if (ctx.chat?.type !== "private") return ctx.reply(stringsOf(ctx).privateOnly);
    return next();
  });

  feature.use(addFeature(options));
  const admin = feature.filter(acts);
  admin.use(adminHelpFeature(), docsFeature(options.kb), removeFeature(options), reindexFeature(options));

  // Anyone else pressing an admin button (a forwarded keyboard, forged data) changes nothing and is told why.
  feature.callbackQuery(/^adm:/, async (ctx) => {
    if (!isAdmin(ctx)) await refused(ctx, `button ${ctx.callbackQuery.data}`);
    await ctx.answerCallbackQuery({ text: stringsOf(ctx).buttonAdminsOnly, show_alert: true });
  });

  return feature;
}
