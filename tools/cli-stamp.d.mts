// Types of tools/cli-stamp.mjs, for the tests.
export type Stamp = Record<string, string>;
export const STAMP: string;
export function stampOf(root: string, files: string[]): Stamp;
export function readStamp(file: string): Stamp | undefined;
export function isFresh(root: string, stamp: Stamp | undefined): boolean;
