// /reindex: rebuilds the index from the corpus folder and reports the counts.
import { Composer } from "grammy";
import { audit } from "../../audit.js";
import type { BotContext } from "../context.js";
import { type AdminOptions, stringsOf, userIdOf } from "./admin-options.js";
import { storageFailure } from "./storage-failure.js";

/** Mounted behind the admin check. */
export function reindexFeature(options: AdminOptions): Composer<BotContext> {
  const { kb, config } = options;
  const feature = new Composer<BotContext>();

  feature.command("reindex", async (ctx) => {
    const status = await ctx.reply(stringsOf(ctx).reindexing);
    let report: Awaited<ReturnType<typeof kb.sync>>;
    try {
      report = await kb.sync({ rebuild: true });
    } catch (e) {
      const text = await storageFailure(options, ctx, "reindex", e);
      return ctx.api.editMessageText(status.chat.id, status.message_id, text);
    }
    await audit(config.dataDir, {
      action: "reindex",
      userId: userIdOf(ctx),
      detail: `${report.passages} passages`,
      ok: true,
    });
    await ctx.api.editMessageText(
      status.chat.id,
      status.message_id,
      stringsOf(ctx).reindexed(
        kb.index().documentIds().length,
        report.passages,
        (report.ms / 1000).toFixed(1),
      ),
    );
  });

  return feature;
}
