// Short, stable codes for menu ids in the model's instructions and tool
// schemas. A cuid costs ~10 tokens each time it appears; a code costs 2. The
// code is derived from the id itself, so the tool runner maps it back with the
// current menu and no per-call state, and a renamed item keeps its code.
import { createHash } from 'node:crypto';

export type CodeKind = 'i' | 'o' | 'f' | 's';

const MIN_LENGTH = 3;

function hashOf(id: string): string {
  return BigInt('0x' + createHash('sha1').update(id).digest('hex').slice(0, 15)).toString(36);
}

/** Codes for a set of ids of one kind, lengthened only where two would collide. */
export function assignCodes(kind: CodeKind, ids: readonly string[]): Map<string, string> {
  const hashes = new Map(ids.map((id) => [id, hashOf(id)]));
  for (let len = MIN_LENGTH; ; len++) {
    const seen = new Map<string, number>();
    for (const h of hashes.values()) seen.set(h.slice(0, len), (seen.get(h.slice(0, len)) ?? 0) + 1);
    if ([...seen.values()].every((n) => n === 1) || len >= 12) {
      return new Map(ids.map((id) => [id, kind + hashes.get(id)!.slice(0, len)]));
    }
  }
}

export interface CodeBook {
  code(id: string): string;
  /** The id of a code, or undefined if the model invented it. */
  id(code: string): string | undefined;
  codes(kind: CodeKind): string[];
}

export function codeBook(entries: Array<[CodeKind, readonly string[]]>): CodeBook {
  const toCode = new Map<string, string>();
  const toId = new Map<string, string>();
  const byKind = new Map<CodeKind, string[]>();
  for (const [kind, ids] of entries) {
    const codes = assignCodes(kind, ids);
    for (const [id, code] of codes) {
      toCode.set(id, code);
      toId.set(code, id);
    }
    byKind.set(kind, [...codes.values()]);
  }
  return {
    code: (id) => toCode.get(id) ?? id,
    id: (code) => toId.get(code.trim().toLowerCase()),
    codes: (kind) => byKind.get(kind) ?? [],
  };
}
