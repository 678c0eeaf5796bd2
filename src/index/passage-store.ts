// The passages of an index by label: those read from disk stay in their table until asked for; changes sit beside it.
import type { Passage } from "../corpus/types.js";
import type { PassageTable } from "./passage-table.js";

/**
 * A Map-like store. A passage of the table is made into an object when asked for and kept while anyone holds it
 * (a WeakRef), so that the same label gives the same object, and an index of 100,000 passages does not hold 100,000
 * objects and their texts as JavaScript strings.
 */
export class PassageStore {
  private readonly added = new Map<number, Passage>();
  /** Labels of the table that were removed or replaced. */
  private readonly gone = new Set<number>();
  private readonly made = new Map<number, WeakRef<Passage>>();
  private readonly forget = new FinalizationRegistry<number>((label) => {
    if (this.made.get(label)?.deref() === undefined) this.made.delete(label);
  });

  constructor(private readonly table?: PassageTable) {}

  static of(passages: Map<number, Passage>): PassageStore {
    const store = new PassageStore();
    for (const [label, p] of passages) store.set(label, p);
    return store;
  }

  get size(): number {
    return (this.table?.count ?? 0) - this.gone.size + this.added.size;
  }

  private tableRow(label: number): number {
    if (!this.table || this.gone.has(label)) return -1;
    return this.table.row(label);
  }

  has(label: number): boolean {
    return this.added.has(label) || this.tableRow(label) >= 0;
  }

  get(label: number): Passage | undefined {
    const added = this.added.get(label);
    if (added) return added;
    const row = this.tableRow(label);
    if (row < 0) return undefined;
    const held = this.made.get(label)?.deref();
    if (held) return held;
    const p = this.table!.passage(row);
    this.made.set(label, new WeakRef(p));
    this.forget.register(p, label);
    return p;
  }

  /** The passage id of a label, without making the passage. */
  passageId(label: number): string | undefined {
    const added = this.added.get(label);
    if (added) return added.passageId;
    const row = this.tableRow(label);
    return row < 0 ? undefined : this.table!.passageId(row);
  }

  set(label: number, passage: Passage): void {
    if (this.tableRow(label) >= 0) this.gone.add(label);
    this.made.delete(label);
    this.added.set(label, passage);
  }

  delete(label: number): void {
    if (this.tableRow(label) >= 0) this.gone.add(label);
    this.made.delete(label);
    this.added.delete(label);
  }

  /** Every label, the table's first (in its order), then those added. */
  *keys(): IterableIterator<number> {
    if (this.table) for (const label of this.table.labels()) if (!this.gone.has(label)) yield label;
    yield* this.added.keys();
  }

  /** Every passage, made one by one (for saving). */
  *entries(): IterableIterator<[number, Passage]> {
    for (const label of this.keys()) yield [label, this.get(label)!];
  }
}
