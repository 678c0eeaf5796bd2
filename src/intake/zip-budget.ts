// A zip's real unpacked size, found by inflating every entry as a stream into nothing and stopping at a byte budget:
// its headers can lie (a DOCX declaring kilobytes that unpacks to gigabytes), and the unzip library trusts them.
import { createInflateRaw } from "node:zlib";
import { DocumentRejectedError } from "../errors.js";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function damaged(problem: string): DocumentRejectedError {
  return new DocumentRejectedError(
    "damaged",
    `This DOCX file cannot be read: ${problem}.`,
    "Save it again from Word or LibreOffice, or send it as PDF or plain text.",
  );
}

/** The central directory's entries (what the unzip library reads too); undefined when there is none. */
function entriesOf(view: Buffer): Entry[] | undefined {
  let eocd = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 0xffff); i--)
    if (view.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const entries: Entry[] = [];
  let at = view.readUInt32LE(eocd + 16);
  for (let n = view.readUInt16LE(eocd + 10); n > 0; n--) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== CENTRAL)
      throw damaged("its zip directory is broken");
    const nameLength = view.readUInt16LE(at + 28);
    entries.push({
      name: view.toString("utf8", at + 46, at + 46 + nameLength),
      method: view.readUInt16LE(at + 10),
      compressedSize: view.readUInt32LE(at + 20),
      localOffset: view.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return entries;
}

/** The entry's compressed bytes, located through its local header as an unzip library does. */
function dataOf(view: Buffer, e: Entry): Buffer {
  const at = e.localOffset;
  if (e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff)
    throw damaged("it uses ZIP64, which no document under the upload limit needs");
  if (at + 30 > view.length || view.readUInt32LE(at) !== LOCAL) throw damaged(`${e.name} is missing`);
  const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28);
  if (start + e.compressedSize > view.length) throw damaged(`${e.name} is cut short`);
  return view.subarray(start, start + e.compressedSize);
}

/** Inflates `data` through a small window, counting; stops as soon as `left` bytes are exceeded. Returns the count. */
function inflatedSize(data: Buffer, left: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > left) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", () => reject(damaged("a compressed part is corrupt")));
    inflate.end(data);
  });
}

/**
 * Refuses a zip whose entries really unpack to more than `budget` bytes in all, inflating them one at a time through
 * a 64 KB window, so this check itself needs little memory however large the bomb. Stored and deflated entries only.
 */
export async function checkUnpackedSize(bytes: Uint8Array, budget: number): Promise<void> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = entriesOf(view);
  if (!entries) return; // not a zip: the parser refuses it
  let total = 0;
  for (const e of entries) {
    const data = dataOf(view, e);
    if (e.method === 0) total += data.length;
    else if (e.method === 8) total += await inflatedSize(data, budget - total);
    else throw damaged(`${e.name} uses compression method ${e.method}`);
    if (total > budget)
      throw new DocumentRejectedError(
        "too-large",
        `This DOCX file unpacks to more than the ${budget / 1048576} MB allowed (its zip headers say less).`,
        "Split it, or save it as PDF or plain text.",
      );
  }
}
