// Issue 22: a DOCX whose zip headers lie about its size passed the declared-size check, and the unzip library inflated
// it into buffers outside the worker's heap cap (4 GB, 48 s, never given back). Its real size is now counted by
// inflating into nothing, stopping at 200 MB, and the worker is discarded after the refusal.
import { describe, expect, it } from "vitest";
import { DocumentRejectedError } from "../../src/errors.js";
import { declaredUnzippedSize, extractText, MAX_UNZIPPED_BYTES } from "../../src/intake/extract.js";
import { makeDocx, makeZipBomb } from "../helpers/files.js";

const MB = 1024 * 1024;
/** The README's figure: refusing the bomb may raise the process's resident memory by at most this much. */
const MEMORY_BUDGET = 64 * MB;
const SENTENCE = "The congress met in Vilnius in March 2025 to adopt a charter of twelve articles.";

describe("a DOCX that lies about its size", () => {
  it("(1 GB unpacked, headers saying 4 KB) is refused within the memory budget, and the memory comes back", async () => {
    const bomb = await makeZipBomb(1024, { lie: true });
    expect(bomb.length).toBeLessThan(20 * MB); // under the upload limit
    expect(declaredUnzippedSize(bomb)).toBeLessThan(MB); // passes the declared-size check
    // As in a running bot: the worker is up and has read a file.
    expect((await extractText(await makeDocx([SENTENCE]), "docx")).text).toBe(SENTENCE);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 1);
    const err = await extractText(bomb, "docx").catch((e: unknown) => e);
    clearInterval(sample);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.info(`rss before ${(before / MB).toFixed(0)} MB, peak +${((peak - before) / MB).toFixed(1)} MB`);
    expect(peak - before).toBeLessThan(MEMORY_BUDGET);
    expect(err).toBeInstanceOf(DocumentRejectedError);
    expect((err as DocumentRejectedError).reason).toBe("too-large");
    expect((err as Error).message).toContain(`more than the ${MAX_UNZIPPED_BYTES / MB} MB allowed`);
    // The next file is read by a fresh worker; what the refused job held has gone with the old one.
    expect((await extractText(await makeDocx([SENTENCE]), "docx")).text).toBe(SENTENCE);
    const after = process.memoryUsage().rss;
    console.info(`rss after ${(after / MB).toFixed(0)} MB`);
    expect(after - before).toBeLessThan(MEMORY_BUDGET);
  }, 60_000);
});
