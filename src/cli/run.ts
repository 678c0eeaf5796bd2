// Shared start-up for command-line entry points: .env, config, logger, and one place that turns errors into messages.
import "dotenv/config";
import { type Config, loadConfig } from "../config.js";
import { AppError } from "../errors.js";
import { createLogger, type Logger } from "../logger.js";

export interface CliContext {
  config: Config;
  log: Logger;
}

/** Runs `main` with a validated config; an AppError prints its message and hint (no stack) and exits 1. */
export function runCli(main: (ctx: CliContext) => Promise<number | undefined>): void {
  // Under a file-size limit (ulimit -f, systemd's LimitFSIZE) a write past it raises SIGXFSZ. Node ignores that
  // signal, so the write fails with EFBIG and is reported like a full disk; but signal-exit (loaded by
  // write-file-atomic) catches it and re-raises it, killing the process mid-ingest. A listener of our own stops that.
  process.on("SIGXFSZ", () => undefined);
  (async () => {
    const config = loadConfig();
    const log = createLogger(config.LOG_LEVEL, [
      config.TELEGRAM_BOT_TOKEN,
      config.OPENAI_API_KEY,
      config.WEBHOOK_SECRET,
    ]);
    return main({ config, log });
  })().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (e: unknown) => {
      process.stderr.write(e instanceof AppError ? `Error: ${e.message}\n` : `${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
