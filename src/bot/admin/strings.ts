// The admin commands' strings in English and Russian. Parameters are escaped here, and shortened: one can come from
// anywhere (a typed id, a link, a document's title) and a message must stay within Telegram's 4,096 characters.
import { escapeAttr, escapeHtml, truncate } from "../html.js";
import type { Lang } from "../i18n.js";
import { count } from "../plural.js";

const h = (text: string, max = 200) => escapeHtml(truncate(text, max));

/** One document of a /docs page, as the strings need it. */
export interface DocLine {
  n: number;
  title: string;
  docId: string;
  bytes: number;
  passages: number;
  /** The admin's name and id, or undefined for a file put in the corpus folder. */
  addedBy?: { name?: string; id: string };
  /** YYYY-MM-DD HH:MM UTC: when it was added, or indexed for a file put in the folder. */
  when: string;
  /** An http(s) link, or a plain description ("telegram message"). */
  source?: string;
}

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

const sourceHtml = (source: string) =>
  /^https?:\/\//i.test(source)
    ? `<a href="${escapeAttr(source)}">${h(source.replace(/^https?:\/\//i, ""), 60)}</a>`
    : h(source, 60);

const who = (by: NonNullable<DocLine["addedBy"]>) => (by.name ? `${h(by.name, 40)} (${h(by.id)})` : h(by.id));

const en = {
  adminsOnly: "This command is for admins.",
  buttonAdminsOnly: "This button is for admins.",
  privateOnly: "Admin commands work in a private chat with me.",
  addUsage:
    "<b>Three ways to add a document</b>\n" +
    "1. <b>Paste text</b>: <code>/add</code> and the text in one message. The first sentence becomes the title; " +
    "give your own with <code>/add Title | text</code> or a first line <code># Title</code>. " +
    "Or reply <code>/add</code> to a text message.\n" +
    "2. <b>Send a file</b> (.txt, .md, .html, .pdf, .docx) with the caption <code>/add</code>, " +
    "or send it right after this message.\n" +
    "3. <b>Send a link</b>: <code>/add https://…</code>; I show what I fetched, then index it.\n" +
    "/cancel to stop waiting for a file.",
  cancelled: "Cancelled.",
  steps: {
    downloading: "⏳ Downloading…",
    extracting: "⏳ Extracting text…",
    indexing: "⏳ Indexing…",
  },
  fetched: (title: string, url: string, bytes: number, chars: number) =>
    `📥 Fetched <b>${h(title)}</b> from ${sourceHtml(url)}: ${size(bytes)}, ${count("en", chars, "character")} of text.\n⏳ Indexing…`,
  added: (title: string, docId: string, chars: number, passages: number, seconds: string) =>
    `✅ Added <b>${h(title)}</b> as <code>${h(docId)}</code>: ${count("en", chars, "character")}, ${count("en", passages, "passage")}, in ${seconds} s.`,
  refused: (message: string) => `❌ ${h(message, 1000)}`,
  failed: "❌ Something went wrong while adding the document; nothing was changed. The error is in the log.",
  nearDuplicate: (title: string, docId: string, percent: number) =>
    `⚠️ Most of this document is already in the corpus: ${percent}% of its wording is in <b>${h(title)}</b> (<code>${h(docId)}</code>). Nothing is stored yet. Keep both, or cancel?`,
  keepBoth: "Keep both",
  cancel: "Cancel",
  nearDuplicateCancelled: "Cancelled; nothing was added.",
  offerExpired: "This offer has expired (the bot restarted, or it waited too long). Send the document again.",
  storage: (kind: "no-space" | "not-writable"): string =>
    kind === "no-space"
      ? "❌ The server's disk is full, so the index could not be written. Nothing was changed, and I keep answering from the old index. Free some disk space, then try again."
      : "❌ The index or corpus folder cannot be written (read-only or not permitted). Nothing was changed, and I keep answering from the old index. Make INDEX_DIR and CORPUS_DIR writable, then try again.",
  docsTitle: (n: number, page: number, pages: number) =>
    `<b>Documents: ${n}</b>, newest first · page ${page} of ${pages}`,
  docsEmpty: "The corpus is empty. Add a document with /add.",
  docLine: (d: DocLine) =>
    `<b>${d.n}. ${h(d.title, 80)}</b>\n<code>${h(d.docId, 80)}</code> · ${size(d.bytes)} · ${count("en", d.passages, "passage")}\n` +
    (d.addedBy
      ? `added by ${who(d.addedBy)}, ${h(d.when)}`
      : `put in the corpus folder, indexed ${h(d.when)}`) +
    (d.source ? `\nsource: ${sourceHtml(d.source)}` : ""),
  docsHint: "📖 opens a document, 🗑 removes it (after you confirm).",
  prev: "◀ Newer",
  next: "Older ▶",
  passageTitle: (title: string, docId: string, i: number, n: number) =>
    `📖 <b>${h(title)}</b> (<code>${h(docId)}</code>)\npassage ${i} of ${n}`,
  prevPassage: "◀ Previous",
  nextPassage: "Next ▶",
  removeButton: "🗑 Remove",
  removeUsage: "Send <code>/remove ID</code> with an id from /docs, or press 🗑 there.",
  noSuchDoc: (docId: string) => `There is no document <code>${h(docId)}</code>. See /docs for the ids.`,
  confirmRemove: (title: string, docId: string, passages: number) =>
    `Delete <b>${h(title)}</b> (<code>${h(docId)}</code>, ${count("en", passages, "passage")})? Answers will no longer cite it.`,
  yesDelete: "🗑 Delete",
  keep: "Keep it",
  removed: (docId: string, passages: number) =>
    `🗑 Removed <code>${h(docId)}</code> and its ${count("en", passages, "passage")}.`,
  kept: "Kept; nothing was deleted.",
  goneAlready: "That document is no longer in the corpus.",
  reindexing: "⏳ Rebuilding the index from the corpus…",
  reindexed: (docs: number, passages: number, seconds: string) =>
    `✅ Index rebuilt: ${count("en", docs, "document")}, ${count("en", passages, "passage")}, in ${seconds} s.`,
  help:
    "<b>Admin commands</b> (you are an admin; these work in this private chat)\n" +
    "/add: add a document: pasted text, a file with the caption /add, or a link; /add alone explains\n" +
    "/docs: the documents, newest first, with buttons to open or remove each\n" +
    "/remove <code>ID</code>: remove a document by its id\n" +
    "/reindex: rebuild the index from the corpus folder\n" +
    "/cancel: stop waiting for a file after /add",
};

export type AdminStrings = typeof en;

const ru: AdminStrings = {
  adminsOnly: "Эта команда только для администраторов.",
  buttonAdminsOnly: "Эта кнопка только для администраторов.",
  privateOnly: "Команды администратора работают в личном чате со мной.",
  addUsage:
    "<b>Три способа добавить документ</b>\n" +
    "1. <b>Вставить текст</b>: <code>/add</code> и текст в одном сообщении. Первое предложение станет заголовком; " +
    "свой задайте так: <code>/add Заголовок | текст</code> или первой строкой <code># Заголовок</code>. " +
    "Или ответьте <code>/add</code> на текстовое сообщение.\n" +
    "2. <b>Прислать файл</b> (.txt, .md, .html, .pdf, .docx) с подписью <code>/add</code> " +
    "или сразу после этого сообщения.\n" +
    "3. <b>Прислать ссылку</b>: <code>/add https://…</code>; я покажу, что загрузил, и проиндексирую.\n" +
    "/cancel — не ждать файл.",
  cancelled: "Отменено.",
  steps: { downloading: "⏳ Загружаю…", extracting: "⏳ Извлекаю текст…", indexing: "⏳ Индексирую…" },
  fetched: (title, url, bytes, chars) =>
    `📥 Загружено <b>${h(title)}</b> с ${sourceHtml(url)}: ${size(bytes)}, ${count("ru", chars, "character")} текста.\n⏳ Индексирую…`,
  added: (title, docId, chars, passages, seconds) =>
    `✅ Добавлено <b>${h(title)}</b> как <code>${h(docId)}</code>: ${count("ru", chars, "character")}, ${count("ru", passages, "passage")}, за ${seconds} с.`,
  refused: (message) => `❌ ${h(message, 1000)}`,
  failed: "❌ При добавлении документа что-то пошло не так; ничего не изменено. Ошибка записана в журнал.",
  nearDuplicate: (title, docId, percent) =>
    `⚠️ Большая часть этого документа уже есть в корпусе: ${percent}% его текста — в <b>${h(title)}</b> (<code>${h(docId)}</code>). Пока ничего не сохранено. Оставить оба или отменить?`,
  keepBoth: "Оставить оба",
  cancel: "Отменить",
  nearDuplicateCancelled: "Отменено; ничего не добавлено.",
  offerExpired:
    "Это предложение устарело (бот перезапускался или прошло слишком много времени). Пришлите документ снова.",
  storage: (kind) =>
    kind === "no-space"
      ? "❌ Диск сервера заполнен, индекс не удалось записать. Ничего не изменено, я отвечаю по прежнему индексу. Освободите место на диске и повторите."
      : "❌ Папку индекса или корпуса нельзя записать (только чтение или нет прав). Ничего не изменено, я отвечаю по прежнему индексу. Сделайте INDEX_DIR и CORPUS_DIR доступными для записи и повторите.",
  docsTitle: (n, page, pages) => `<b>Документы: ${n}</b>, сначала новые · страница ${page} из ${pages}`,
  docsEmpty: "Корпус пуст. Добавьте документ командой /add.",
  docLine: (d) =>
    `<b>${d.n}. ${h(d.title, 80)}</b>\n<code>${h(d.docId, 80)}</code> · ${size(d.bytes)} · ${count("ru", d.passages, "passage")}\n` +
    (d.addedBy
      ? `добавил ${who(d.addedBy)}, ${h(d.when)}`
      : `положен в папку корпуса, проиндексирован ${h(d.when)}`) +
    (d.source ? `\nисточник: ${sourceHtml(d.source)}` : ""),
  docsHint: "📖 открывает документ, 🗑 удаляет его (после подтверждения).",
  prev: "◀ Новее",
  next: "Старше ▶",
  passageTitle: (title, docId, i, n) =>
    `📖 <b>${h(title)}</b> (<code>${h(docId)}</code>)\nфрагмент ${i} из ${n}`,
  prevPassage: "◀ Назад",
  nextPassage: "Вперёд ▶",
  removeButton: "🗑 Удалить",
  removeUsage: "Отправьте <code>/remove ID</code> с идентификатором из /docs или нажмите там 🗑.",
  noSuchDoc: (docId) => `Документа <code>${h(docId)}</code> нет. Идентификаторы — в /docs.`,
  confirmRemove: (title, docId, passages) =>
    `Удалить <b>${h(title)}</b> (<code>${h(docId)}</code>, ${count("ru", passages, "passage")})? Ответы больше не будут на него ссылаться.`,
  yesDelete: "🗑 Удалить",
  keep: "Оставить",
  removed: (docId, passages) => `🗑 Удалён <code>${h(docId)}</code> и ${count("ru", passages, "passage")}.`,
  kept: "Оставлено; ничего не удалено.",
  goneAlready: "Этого документа уже нет в корпусе.",
  reindexing: "⏳ Перестраиваю индекс по корпусу…",
  reindexed: (docs, passages, seconds) =>
    `✅ Индекс перестроен: ${count("ru", docs, "document")}, ${count("ru", passages, "passage")}, за ${seconds} с.`,
  help:
    "<b>Команды администратора</b> (вы администратор; они работают в этом личном чате)\n" +
    "/add — добавить документ: текст, файл с подписью /add или ссылку; /add без текста объяснит\n" +
    "/docs — документы, сначала новые, с кнопками открыть и удалить\n" +
    "/remove <code>ID</code> — удалить документ по идентификатору\n" +
    "/reindex — перестроить индекс по папке корпуса\n" +
    "/cancel — не ждать файл после /add",
};

export function adminStrings(lang: Lang): AdminStrings {
  return lang === "ru" ? ru : en;
}
