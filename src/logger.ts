// A small leveled logger to stderr. Secrets registered with it are masked in every line.
export type Level = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
}

const ORDER: Level[] = ["debug", "info", "warn", "error", "silent"];

export function createLogger(
  level: Level = "info",
  secrets: (string | undefined)[] = [],
  write = (line: string) => process.stderr.write(`${line}\n`),
): Logger {
  const masks = secrets.filter((s): s is string => !!s && s.length >= 6);
  const mask = (s: string) => masks.reduce((acc, secret) => acc.split(secret).join("***"), s);
  const at = ORDER.indexOf(level);
  const emit = (l: Level) => (msg: string, extra?: unknown) => {
    if (ORDER.indexOf(l) < at) return;
    const detail =
      extra instanceof Error
        ? ` ${extra.stack ?? extra.message}`
        : extra === undefined
          ? ""
          : ` ${JSON.stringify(extra)}`;
    write(mask(`${new Date().toISOString()} ${l.toUpperCase()} ${msg}${detail}`));
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}
