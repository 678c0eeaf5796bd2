// The admin commands' strings in English and Russian. Parameters are escaped here, and shortened: one can come from
// anywhere (a typed id, a link, a document's title) and a message must stay within Telegram's 4,096 characters.
import { escapeHtml, truncate } from "../html.js";
import type { Lang } from "../i18n.js";

const h = (text: string, max = 200) => escapeHtml(truncate(text, max));

const en = {
  adminsOnly: "This command is for admins.",
  privateOnly: "Admin commands work in a private chat with me.",
  addUsage:
    "Send <code>/add</code> with text after it (a first short line is the title), as a reply to a text message, " +
    "with a link (<code>/add https://…</code>), or as the caption of a file (.txt, .md, .html, .pdf, .docx). " +
    "Or send <code>/add</code> alone and then the file.",
  waitingForFile: "Send me the file now (.txt, .md, .html, .pdf, .docx). /cancel to stop.",
  cancelled: "Cancelled.",
  steps: {
    downloading: "⏳ Downloading…",
    extracting: "⏳ Extracting text…",
    indexing: "⏳ Indexing…",
  },
  added: (title: string, docId: string, chars: number, passages: number, seconds: string) =>
    `✅ Added <b>${h(title)}</b> as <code>${h(docId)}</code>: ${chars} characters, ${passages} passages, in ${seconds} s.`,
  refused: (message: string) => `❌ ${h(message, 1000)}`,
  failed: "❌ Something went wrong while adding the document; nothing was changed. The error is in the log.",
  storage: (kind: "no-space" | "not-writable"): string =>
    kind === "no-space"
      ? "❌ The server's disk is full, so the index could not be written. Nothing was changed, and I keep answering from the old index. Free some disk space, then try again."
      : "❌ The index or corpus folder cannot be written (read-only or not permitted). Nothing was changed, and I keep answering from the old index. Make INDEX_DIR and CORPUS_DIR writable, then try again.",
  docsTitle: (n: number, page: number, pages: number) => `<b>Documents (${n})</b>, page ${page} of ${pages}`,
  docsEmpty: "The corpus is empty.",
  docLine: (title: string, docId: string, passages: number, when: string, who: string) =>
    `• <b>${h(title)}</b>\n  <code>${h(docId)}</code> · ${passages} passages${when ? ` · added ${h(when)}` : ""}${who ? ` by ${h(who)}` : ""}`,
  prev: "◀ Previous",
  next: "Next ▶",
  removeUsage: "Send <code>/remove ID</code> with an id from /docs.",
  noSuchDoc: (docId: string) => `There is no document <code>${h(docId)}</code>. See /docs for the ids.`,
  confirmRemove: (title: string, docId: string, passages: number) =>
    `Delete <b>${h(title)}</b> (<code>${h(docId)}</code>, ${passages} passages)? Answers will no longer cite it.`,
  yesDelete: "🗑 Delete",
  keep: "Keep it",
  removed: (docId: string, passages: number) =>
    `🗑 Removed <code>${h(docId)}</code> and its ${passages} passages.`,
  kept: "Kept; nothing was deleted.",
  goneAlready: "That document is no longer in the corpus.",
  reindexing: "⏳ Rebuilding the index from the corpus…",
  reindexed: (docs: number, passages: number, seconds: string) =>
    `✅ Index rebuilt: ${docs} documents, ${passages} passages, in ${seconds} s.`,
};

export type AdminStrings = typeof en;

const ru: AdminStrings = {
  adminsOnly: "Эта команда только для администраторов.",
  privateOnly: "Команды администратора работают в личном чате со мной.",
  addUsage:
    "Отправьте <code>/add</code> с текстом (короткая первая строка станет заголовком), ответом на текстовое сообщение, " +
    "со ссылкой (<code>/add https://…</code>) или подписью к файлу (.txt, .md, .html, .pdf, .docx). " +
    "Или отправьте <code>/add</code>, а затем файл.",
  waitingForFile: "Теперь пришлите файл (.txt, .md, .html, .pdf, .docx). /cancel — отмена.",
  cancelled: "Отменено.",
  steps: { downloading: "⏳ Загружаю…", extracting: "⏳ Извлекаю текст…", indexing: "⏳ Индексирую…" },
  added: (title, docId, chars, passages, seconds) =>
    `✅ Добавлено <b>${h(title)}</b> как <code>${h(docId)}</code>: символов ${chars}, фрагментов ${passages}, за ${seconds} с.`,
  refused: (message) => `❌ ${h(message, 1000)}`,
  failed: "❌ При добавлении документа что-то пошло не так; ничего не изменено. Ошибка записана в журнал.",
  storage: (kind) =>
    kind === "no-space"
      ? "❌ Диск сервера заполнен, индекс не удалось записать. Ничего не изменено, я отвечаю по прежнему индексу. Освободите место на диске и повторите."
      : "❌ Папку индекса или корпуса нельзя записать (только чтение или нет прав). Ничего не изменено, я отвечаю по прежнему индексу. Сделайте INDEX_DIR и CORPUS_DIR доступными для записи и повторите.",
  docsTitle: (n, page, pages) => `<b>Документы (${n})</b>, страница ${page} из ${pages}`,
  docsEmpty: "Корпус пуст.",
  docLine: (title, docId, passages, when, who) =>
    `• <b>${h(title)}</b>\n  <code>${h(docId)}</code> · фрагментов ${passages}${when ? ` · добавлен ${h(when)}` : ""}${who ? `, ${h(who)}` : ""}`,
  prev: "◀ Назад",
  next: "Вперёд ▶",
  removeUsage: "Отправьте <code>/remove ID</code> с идентификатором из /docs.",
  noSuchDoc: (docId) => `Документа <code>${h(docId)}</code> нет. Идентификаторы — в /docs.`,
  confirmRemove: (title, docId, passages) =>
    `Удалить <b>${h(title)}</b> (<code>${h(docId)}</code>, фрагментов ${passages})? Ответы больше не будут на него ссылаться.`,
  yesDelete: "🗑 Удалить",
  keep: "Оставить",
  removed: (docId, passages) => `🗑 Удалён <code>${h(docId)}</code> и его фрагменты (${passages}).`,
  kept: "Оставлено; ничего не удалено.",
  goneAlready: "Этого документа уже нет в корпусе.",
  reindexing: "⏳ Перестраиваю индекс по корпусу…",
  reindexed: (docs, passages, seconds) =>
    `✅ Индекс перестроен: документов ${docs}, фрагментов ${passages}, за ${seconds} с.`,
};

export function adminStrings(lang: Lang): AdminStrings {
  return lang === "ru" ? ru : en;
}
