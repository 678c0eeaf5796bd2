// Builds real PDF and DOCX files in memory for intake tests.
import JSZip from "jszip";

/**
 * A minimal valid one-page PDF whose text layer holds `lines` (or none, like a scanned page). `encrypted` adds a
 * standard security handler whose user password is not empty: a reader must ask for it.
 */
export function makePdf(lines: string[], title?: string, options: { encrypted?: boolean } = {}): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = lines.length
    ? `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${esc(l)}) Tj T*`).join(" ")} ET`
    : "0 0 1 rg 72 72 200 200 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Title (${esc(title ?? "")}) >>`,
  ];
  if (options.encrypted)
    objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> /P -4 >>`);
  const encryption = options.encrypted
    ? ` /Encrypt 7 0 R /ID [<${"01".repeat(16)}> <${"01".repeat(16)}>]`
    : "";
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R${encryption} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

/** A minimal valid DOCX with one paragraph per entry. */
export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  const esc = (s: string) => s.replace(/[<&>]/g, (c) => ({ "<": "&lt;", "&": "&amp;", ">": "&gt;" })[c]!);
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
      .map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`)
      .join("")}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

/**
 * A DOCX-shaped zip bomb: [Content_Types].xml, _rels/.rels and a word/document.xml that unpacks to `megabytes` MB of
 * paragraphs, honestly declared in the zip's headers. It is built by streaming, so the test never holds it unpacked.
 */
export async function makeZipBomb(megabytes: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const { constants, createDeflateRaw, crc32, deflateRawSync } = await import("node:zlib");
  const docx = await JSZip.loadAsync(await makeDocx(["x"]));
  const entries: { name: string; data: Buffer; crc: number; size: number }[] = [];
  for (const name of ["[Content_Types].xml", "_rels/.rels"]) {
    const raw = await docx.file(name)!.async("nodebuffer");
    entries.push({ name, data: await deflate([raw]), crc: crc32(raw), size: raw.length });
  }
  const head = Buffer.from(
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const chunk = Buffer.from("<w:p><w:r><w:t>bomb</w:t></w:r></w:p>".repeat(27_000)); // about 1 MB
  const tail = Buffer.from("</w:body></w:document>");
  // Each part is deflated on its own, ending on a full flush (byte-aligned, no reference back): the chunk's deflated
  // bytes, repeated, are a valid stream of `megabytes` chunks, built in milliseconds.
  const flushed = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const deflatedChunk = deflateRawSync(chunk, flushed);
  const data = Buffer.concat([
    deflateRawSync(head, flushed),
    ...Array.from({ length: megabytes }, () => deflatedChunk),
    deflateRawSync(tail),
  ]);
  const crcFor = () => {
    let crc = crc32(head);
    for (let i = 0; i < megabytes; i++) crc = crc32(chunk, crc);
    return crc32(tail, crc);
  };
  entries.push({
    name: "word/document.xml",
    data,
    // A lying bomb declares a few kilobytes in its headers (and its checksum is not worth computing): only
    // unpacking finds out.
    crc: options.lie ? 0 : crcFor(),
    size: options.lie ? 4096 : head.length + chunk.length * megabytes + tail.length,
  });
  return zip(entries);

  async function deflate(input: Buffer[]): Promise<Buffer> {
    const out: Buffer[] = [];
    const stream = createDeflateRaw({ level: 9 });
    stream.on("data", (d: Buffer) => out.push(d));
    const done = new Promise((resolve, reject) => stream.on("end", resolve).on("error", reject));
    for (const p of input) if (!stream.write(p)) await new Promise((r) => stream.once("drain", r));
    stream.end();
    await done;
    return Buffer.concat(out);
  }
}

/** A zip of already-deflated entries (method 8), with local headers, a central directory and its end record. */
function zip(entries: { name: string; data: Buffer; crc: number; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
