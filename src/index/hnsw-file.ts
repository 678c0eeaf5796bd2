// hnswlib writes its index file through a C++ stream and never checks the writes: on a full disk it leaves a
// truncated file and reports success. This reads the file back the way hnswlib's own loader validates it.
import { open } from "node:fs/promises";
import { StorageError } from "../errors.js";

/**
 * hnswlib's header (hnswalg.h, saveIndex): offsetLevel0, max_elements, cur_element_count, size_data_per_element,
 * label_offset, offsetData (size_t each), maxlevel (int), enterpoint_node (uint32), maxM, maxM0, M (size_t),
 * mult (double), ef_construction (size_t).
 */
const HEADER_BYTES = 6 * 8 + 4 + 4 + 3 * 8 + 8 + 8;
const COUNT_AT = 16;
const PER_ELEMENT_AT = 24;

/**
 * Throws a StorageError unless `file` is a whole hnswlib index: the header, the level-0 block of every element, then
 * for each element a 4-byte length and that many bytes of upper-level links, ending exactly at the end of the file.
 * Reads only the header and the link section (a few bytes per vector), not the vectors.
 */
export async function checkHnswFile(file: string): Promise<void> {
  const fh = await open(file, "r");
  try {
    const { size } = await fh.stat();
    const header = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await fh.read(header, 0, HEADER_BYTES, 0);
    let problem: string | undefined;
    if (bytesRead < HEADER_BYTES) problem = "its header is cut short";
    else {
      const count = Number(header.readBigUInt64LE(COUNT_AT));
      const perElement = Number(header.readBigUInt64LE(PER_ELEMENT_AT));
      const linksAt = HEADER_BYTES + count * perElement;
      if (linksAt > size) problem = "its vectors are cut short";
      else {
        const links = Buffer.alloc(size - linksAt);
        await fh.read(links, 0, links.length, linksAt);
        let at = 0;
        for (let i = 0; i < count && !problem; i++) {
          if (at + 4 > links.length) problem = "its link lists are cut short";
          else at += 4 + links.readUInt32LE(at);
        }
        if (!problem && at !== links.length) problem = "its link lists do not end where the file does";
      }
    }
    if (problem)
      throw new StorageError(
        "no-space",
        "short write",
        new Error(`${file} was not written in full (${size} bytes): ${problem}`),
      );
  } finally {
    await fh.close();
  }
}
