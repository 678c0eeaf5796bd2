// A /remove or /reindex that failed for want of disk space or permission: logged, audited, the admin's text returned.
import { audit } from "../../audit.js";
import { StorageError } from "../../errors.js";
import type { BotContext } from "../context.js";
import { type AdminOptions, stringsOf, userIdOf } from "./admin-options.js";

/** The admin's text for a storage failure; any other error is rethrown to the error boundary. */
export async function storageFailure(
  options: Pick<AdminOptions, "config" | "log">,
  ctx: BotContext,
  action: "remove" | "reindex",
  e: unknown,
  docId?: string,
): Promise<string> {
  const storage = StorageError.of(e);
  if (!storage) throw e;
  options.log.error(`/${action}${docId ? ` ${docId}` : ""} failed: ${storage.message}`);
  await audit(options.config.dataDir, {
    action,
    userId: userIdOf(ctx),
    docId,
    detail: storage.code,
    ok: false,
  });
  return stringsOf(ctx).storage(storage.kind);
}
