// Downloads a file a user sent, through the Bot API's file route (/file/bot<token>/<path>), with a size cap.
import type { Api } from "grammy";
import { DocumentRejectedError } from "../../errors.js";

export interface FileSource {
  apiRoot: string;
  token: string;
}

/** The file's bytes. Errors never carry the download URL: it contains the token. */
export async function downloadFile(
  api: Api,
  source: FileSource,
  fileId: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const file = await api.getFile(fileId);
  if (!file.file_path)
    throw new DocumentRejectedError(
      "fetch",
      "Telegram did not give a path for this file; try sending it again.",
    );
  if ((file.file_size ?? 0) > maxBytes) throw DocumentRejectedError.tooLarge(maxBytes);
  let res: Response;
  try {
    res = await fetch(`${source.apiRoot}/file/bot${source.token}/${file.file_path}`, {
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    throw new DocumentRejectedError("fetch", "The file could not be downloaded from Telegram; try again.");
  }
  if (!res.ok)
    throw new DocumentRejectedError(
      "fetch",
      `Telegram answered ${res.status} when downloading the file; try again.`,
    );
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw DocumentRejectedError.tooLarge(maxBytes);
  return bytes;
}
