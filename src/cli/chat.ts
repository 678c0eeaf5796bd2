// `npm run chat`: an interactive console chat over the same answer pipeline, with the bot's conversation state in
// memory (follow-ups read with the last turns; /new forgets them). /sources shows the last answer's passages.
import { createInterface } from "node:readline";
import type { Answer } from "../answer/answer.js";
import { turnOf } from "../answer/follow-up.js";
import { type App, buildApp } from "../app.js";
import { preloadWordNet } from "../text/wordnet.js";
import { Conversations } from "../bot/conversations.js";
import { stringsOf } from "../bot/i18n.js";
import { smallTalkLang, smallTalkOf } from "../bot/small-talk.js";
import { formatAnswer, humanLocator, langOfQuestion } from "./format.js";
import { runCli } from "./run.js";
import { warmUp } from "./warm-up.js";

function formatPassages(app: App, last: Answer | undefined): string {
  if (!last) return "Ask a question first.";
  if (last.passages.length === 0) return "The last question retrieved no passages.";
  return last.passages
    .map((p, i) => {
      const passage = app.kb.index().passageById(p.passageId);
      const body = passage ? passage.text.replace(/\s+/g, " ") : "(no longer in the index)";
      return `#${i + 1} ${p.title ?? p.docId} — ${p.docId}, line ${p.line ?? "?"} (score ${p.score})\n    ${body}`;
    })
    .join("\n");
}

/** The console's one conversation. */
const CONSOLE = "console";

runCli(async ({ config, log }) => {
  const app = await buildApp(config, log);
  // Now, not while the first question waits.
  preloadWordNet();
  const docs = app.kb.index().documentIds().length;
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    historySize: 200,
    terminal: process.stdin.isTTY,
  });
  const prompt = () => process.stdin.isTTY && rl.prompt();
  console.log(
    `Ask about the Congress of People's Deputies (${docs} documents). Follow-ups ("and where?") continue the conversation; ` +
      "/new starts afresh, /sources shows the last answer's passages; Ctrl-D quits.",
  );
  rl.setPrompt("? ");
  prompt();
  // While the user types: the first question then waits no longer than the next.
  const warm = warmUp(app.pipeline, log);
  let last: Answer | undefined;
  const conversations = new Conversations();
  for await (const line of rl) {
    const input = line.trim();
    const smallTalk = smallTalkOf(input);
    if (input === "/sources") console.log(formatPassages(app, last));
    else if (input === "/new" || input === "/reset") {
      conversations.forget(CONSOLE);
      console.log("New conversation: the next question is read on its own.");
    } else if (input === "/quit" || input === "/exit") break;
    else if (smallTalk) {
      // "thanks!", "hi", 👍: a friendly word, as the bot gives, not a search of the documents.
      const reply = stringsOf(smallTalkLang(input, "en")).smallTalk[smallTalk];
      console.log(`${reply.replace(/<[^>]+>/g, "")}\n`);
    } else if (input) {
      await warm;
      const history = conversations.history(CONSOLE);
      last = await app.pipeline.ask(input, { history });
      conversations.record(CONSOLE, turnOf(input, last), history);
      const lang = langOfQuestion(input);
      console.log(
        `${formatAnswer(
          last,
          humanLocator(() => app.kb.index(), lang),
          lang,
        )}\n`,
      );
    }
    prompt();
  }
  rl.close();
  return 0;
});
