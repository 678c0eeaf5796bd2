// Loads the prompt templates from prompts/ and checks them at start, so a broken template fails early and clearly.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PromptError } from "../errors.js";

export interface Prompts {
  system: string;
  /** Has {passages} and {question}. */
  user: string;
}

export const PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prompts");

const REQUIRED: Record<keyof Prompts, string[]> = { system: [], user: ["{passages}", "{question}"] };

export async function loadPrompts(dir = PROMPTS_DIR): Promise<Prompts> {
  const out: Partial<Prompts> = {};
  for (const name of Object.keys(REQUIRED) as (keyof Prompts)[]) {
    const file = path.join(dir, `${name}.md`);
    const text = await readFile(file, "utf8").catch((cause) => {
      throw new PromptError(
        `Prompt template ${file} cannot be read.`,
        "Restore it from the repository (git checkout prompts/).",
        { cause },
      );
    });
    const missing = REQUIRED[name].filter((p) => !text.includes(p));
    if (missing.length > 0 || !text.trim()) {
      throw new PromptError(
        `Prompt template ${file} lacks ${missing.join(", ") || "any text"}.`,
        "Put the placeholders back; the answer pipeline fills them.",
      );
    }
    out[name] = text;
  }
  return out as Prompts;
}

/** Fills {name} placeholders in one pass, so text inserted for one placeholder is never read as another. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);
}
