/**
 * Frames name shared word groups ("@court", "@block", "@data": data/claim-vocabulary.json) instead of repeating
 * them in every claim; fact-checkers extend a group once and every claim that names it reads the new word.
 * Resolved when the dataset is loaded (data/index.ts for the extension and CLI, validate.ts with errors that
 * name the file, the claim and the field), so the engine only ever sees lists of words.
 */
import type { Claim, Frame, FrameSets, Vocabulary } from './claim-schema';

export class VocabularyError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

type Group = Frame['predicate'];

/** A group's words; "@name" (alone, or as an item of a list) stands for that shared group's words. */
function resolve(group: Group, vocabulary: Vocabulary, field: string): string[] {
  const named = (ref: string) => {
    const words = vocabulary[ref.slice(1)];
    if (!words) throw new VocabularyError(field, `no word group "${ref}" in claim-vocabulary.json`);
    return words;
  };
  if (typeof group === 'string') return named(group);
  return group.flatMap((w) => (/^@[a-z0-9-]+$/.test(w) ? named(w) : [w]));
}

/**
 * The claim with what data/claim-frames.json keeps for it (frames, and exclusions added to its own), and every
 * "@name" in its frames replaced by that group's words.
 */
export function resolveFrames(claim: Claim, vocabulary: Vocabulary, extra: FrameSets[string] = {}): Claim {
  const frames = [...(claim.recognize.frames ?? []), ...(extra.frames ?? [])];
  const exclude = [...(claim.recognize.exclude ?? []), ...(extra.exclude ?? [])];
  const recognize = { ...claim.recognize, ...(exclude.length ? { exclude } : {}) };
  if (!frames.length) return { ...claim, recognize } as Claim;
  const resolved = frames.map((f, k): Frame => {
    const at = (field: string) => `recognize.frames[${k}].${field}`;
    return {
      ...f,
      predicate: resolve(f.predicate, vocabulary, at('predicate')),
      ...(f.with ? { with: f.with.map((g, i) => resolve(g, vocabulary, at(`with[${i}]`))) } : {}),
      ...(f.without ? { without: f.without.map((g, i) => resolve(g, vocabulary, at(`without[${i}]`))) } : {}),
      ...(f.topic ? { topic: resolve(f.topic, vocabulary, at('topic')) } : {}),
      ...(f.rivals ? { rivals: resolve(f.rivals, vocabulary, at('rivals')) } : {}),
      ...(f.members ? { members: Object.fromEntries(Object.entries(f.members).map(([token, g]) => [token, resolve(g, vocabulary, at(`members.${token}`))])) } : {}),
    };
  });
  return { ...claim, recognize: { ...recognize, frames: resolved } } as Claim;
}
