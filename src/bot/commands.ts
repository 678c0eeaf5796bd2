// The command menu, registered with setMyCommands in each language at start. A failure is logged, never fatal.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Logger } from "../logger.js";
import { describeError } from "./error-boundary.js";
import { LANGS, stringsOf } from "./i18n.js";

export const COMMANDS = ["start", "help", "sources", "ask", "new"] as const;

export function commandMenu(lang: (typeof LANGS)[number]): BotCommand[] {
  const descriptions = stringsOf(lang).commands;
  return COMMANDS.map((command) => ({ command, description: descriptions[command] }));
}

/** English is the default menu; other languages are registered for their language_code. */
export async function registerCommands(api: Api, log: Logger): Promise<void> {
  for (const lang of LANGS) {
    try {
      await api.setMyCommands(commandMenu(lang), lang === "en" ? {} : { language_code: lang });
    } catch (e) {
      log.warn(`setMyCommands (${lang}) failed; the command menu may be out of date: ${describeError(e)}`);
    }
  }
}
