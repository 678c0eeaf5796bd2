// The bot token and the API key never leave the process in the clear: not in its logs (stderr, stdout), not in what
// users see, not in the audit log or any other file it writes. The real `npm start` code runs as a child with both
// secrets set, and is pushed down the paths that carry them: an LLM that echoes the key in its errors, Bot API calls
// and a file download whose connection drops (their errors name URLs with the token), refusals and failures.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { type BotProcess, startBotProcess } from "../../src/loadtest/bot-process.js";
import { type ChatServer, startChatServer } from "../helpers/chat-server.js";
import { botRoot, until } from "./helpers/bot-root.js";
import { UserChat } from "./helpers/chat.js";
import { BotApiEmulator } from "./helpers/emulator.js";
import { TOKEN } from "./helpers/fixture.js";

const KEY = "sk-test-SECRETKEY-0123456789abcdef";
const ADMIN = 4242;
/** The secrets, and the parts that would still be enough to use them. */
const SECRETS = [TOKEN, TOKEN.split(":")[1]!, KEY, KEY.slice(8)];

let emulator: BotApiEmulator | undefined;
let llm: ChatServer | undefined;
let bot: BotProcess | undefined;
afterAll(async () => {
  await bot?.kill("SIGKILL");
  await llm?.close();
  await emulator?.stop();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

it("never shows the token or the API key in logs, replies, the audit log or any file", async () => {
  emulator = await BotApiEmulator.launch();
  // An OpenAI-compatible server that rejects the key and quotes it back, as some do.
  llm = await startChatServer((_body, headers) => ({
    status: 401,
    error: `Incorrect API key provided: ${String(headers.authorization).replace(/^Bearer /, "")}`,
  }));
  const dirs = await botRoot("bot-secrets-");
  bot = startBotProcess(
    {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.config.apiURL,
      CORPUS_DIR: "corpus",
      INDEX_DIR: "index",
      DATA_DIR: "data",
      ADMIN_IDS: String(ADMIN),
      LLM_PROVIDER: "openai",
      OPENAI_BASE_URL: llm.url,
      OPENAI_API_KEY: KEY,
      LOG_LEVEL: "debug",
    },
    dirs.root,
  );
  await bot.waitFor(/is polling for updates/);

  const user = new UserChat(emulator, TOKEN, { userId: 61 });
  await user.say("Who leads the congress?"); // the LLM refuses the key: the answer falls back to extractive
  expect((await user.reply(30_000)).text).toContain("Ponomarev");
  // The answer is lost on the way, and so are the three retries: the user gets the apology.
  for (let i = 0; i < 4; i++) emulator.failNext("sendMessage", "drop");
  await user.say("Where did the fifth session open?");
  expect((await user.reply(30_000)).text).toMatch(/^Sorry, something went wrong/);
  for (const command of ["/start", "/sources", "/nonsense"]) {
    await user.say(command);
    await user.reply(30_000);
  }
  await user.say("/add The congress met in Kaunas."); // a stranger trying an admin command: refused and audited
  expect((await user.reply(30_000)).text).toBe("This command is for admins.");

  const admin = new UserChat(emulator, TOKEN, { userId: ADMIN });
  const finalStatus = async () => {
    const status = await admin.reply(30_000);
    await until(() => /^(✅|❌)/.test(admin.textOf(status.messageId)), "a final status", 30_000);
    return admin.textOf(status.messageId);
  };
  await admin.say("/add Lisbon office\nThe congress opened an office in Lisbon for independent journalists.");
  expect(await finalStatus()).toMatch(/^✅/);
  for (let i = 0; i < 4; i++) emulator.failNext("getFile", "drop"); // past the retries: the /add fails
  await admin.sendDocument(
    emulator.addFile(Buffer.from("A note about the Riga statement."), "a.txt"),
    "/add",
  );
  expect(await finalStatus()).toMatch(/^❌/);
  emulator.failNext("download", "drop");
  await admin.sendDocument(
    emulator.addFile(Buffer.from("A note about the Oslo conference."), "b.txt"),
    "/add",
  );
  expect(await finalStatus()).toMatch(/^❌/);
  await admin.say("/add http://127.0.0.1:9/page"); // a private address: refused
  expect(await finalStatus()).toMatch(/^❌/);
  await bot.kill("SIGTERM");

  // The secrets did travel (so the checks below mean something), and the logger masked them on the way out.
  expect(llm.requests.some((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  const log = [...bot.lines, ...bot.stdout].join("\n");
  expect(log).toMatch(/LLM answer not used: .*Incorrect API key provided: \*\*\*/);
  expect(log).toMatch(/Network request for 'sendMessage' failed/);

  const seenByUsers = [
    ...emulator.storage.botMessages.map((m) => m.message.text),
    ...emulator.edits.map((e) => e.text),
    ...emulator.callbackAnswers.map((a) => a.text ?? ""),
  ].join("\n");
  const written = await Promise.all(
    (await filesUnder(dirs.root)).map(async (f) => `${f}\n${await readFile(f, "latin1")}`),
  );
  expect(written.some((w) => w.includes("audit.jsonl"))).toBe(true);
  for (const secret of SECRETS) {
    expect(log, "the process's output").not.toContain(secret);
    expect(seenByUsers, "what users were sent").not.toContain(secret);
    for (const w of written) expect(w, w.split("\n")[0]).not.toContain(secret);
  }
}, 180_000);
