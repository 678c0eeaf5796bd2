// Document ids for what admins add: the date and a slug of the title's first words, e.g. 2026-03-04-archive-committee-vilnius.md.
import slugify from "slugify";

const MIN_WORDS = 3;
const MAX_WORDS = 5;
/** Words a slug skips while it has enough others: they make ids longer, not clearer. */
const FILLER = new Set(
  "a an the of in on at to for and or by with from is are was were be its it this that".split(" "),
);

/** The slug: up to five words of the title, fillers dropped when at least three others remain. */
export function titleSlug(title: string): string {
  const spaced = title.replace(/[^\p{L}\p{N}]+/gu, " ");
  const words = slugify(spaced, { lower: true, strict: true }).split("-").filter(Boolean);
  const meaningful = words.filter((w) => !FILLER.has(w));
  const chosen = (meaningful.length >= MIN_WORDS ? meaningful : words).slice(0, MAX_WORDS);
  return chosen.map((w) => w.slice(0, 20)).join("-") || "note";
}

/** `<YYYY-MM-DD>-<slug>.md`, with -2, -3… when the id is taken: the same title and date always give the same id. */
export function newDocId(title: string, addedAt: Date, taken: (id: string) => boolean): string {
  const base = `${addedAt.toISOString().slice(0, 10)}-${titleSlug(title)}`;
  for (let i = 1; ; i++) {
    const id = `${base}${i === 1 ? "" : `-${i}`}.md`;
    if (!taken(id)) return id;
  }
}
