// Appends every admin action to DATA_DIR/audit.jsonl, one JSON object per line.
import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";

export interface AuditEntry {
  action: "add" | "remove" | "reindex" | "refused";
  userId: number;
  docId?: string;
  detail?: string;
  ok: boolean;
}

export async function audit(dataDir: string, entry: AuditEntry): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await appendFile(
    path.join(dataDir, "audit.jsonl"),
    `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`,
  );
}
