/**
 * Claims: checkable statements articles make about the story (a count, a date, a status, who holds a
 * title), with how articles phrase them and what the sources say over time. The engine recognises them
 * in a page and judges each against the value at the article's publication date and today.
 *
 * A value holds from `from` to `to`, both inclusive (no `to`: still true as of the claim's `verified`
 * date). A month-precision boundary ("2025-08") makes that whole month uncertain. `unsure` windows are
 * stretches where the sources do not settle the value; the engine gives no verdict there. Validated in
 * data/validate.ts, which also compiles every phrase so a malformed one fails the build.
 */
import { z } from 'zod';
import { IsoDate, Source, localized } from './schema';

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');
/** A normalised status word ("blocked", "frozen"): what a statement asserts, compared, never shown. */
const Token = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case token');
const Template = z.string().min(2).max(300);

export const ClaimKind = z.enum(['count', 'date', 'status', 'title']);

/**
 * Checks a sentence must pass for the phrase to count as the claim:
 * - no-time: no date, month or year in the sentence (a dated statement speaks of that time, not the
 *   article's; "In August, a judge blocked…" is history, not the state of things);
 * - no-conditional: no could/would/might/if (a possibility is not an assertion);
 * - no-negation: no not/never/declined/denied around the phrase;
 * - no-former: no former/then-/ex- just before the phrase (a past title, correctly labelled);
 * - no-history: the clause narrates the past (pluperfect "had blocked", "initially", "at the time", a complaint
 *   that "named" its defendants): true as history, so no verdict on the present. Present-state claims (statuses,
 *   titles) get it whatever their record says.
 */
export const Guard = z.enum(['no-time', 'no-conditional', 'no-negation', 'no-former', 'no-history']);

/** Words or templates; the sentence must contain one of them. */
const WordGroup = z.array(Template).min(1);

export const PhraseGroup = z.object({
  /** For status claims: the status these phrases assert. Slot claims take it from the slot. */
  asserts: Token.optional(),
  en: z.array(Template).min(1),
  es: z.array(Template).min(1),
  /** Extra context these phrases need besides the claim's own. */
  context: z.array(WordGroup).optional(),
  guards: z.array(Guard).optional(),
});

/**
 * A word group: a list of words or templates, or the name of a shared one in data/claim-vocabulary.json
 * ("@court": judge, court, Chhabria, juez, tribunal…), which fact-checkers extend once for every claim.
 */
export const GroupRef = z.union([z.string().regex(/^@[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a vocabulary name such as "@court"'), WordGroup]);

/**
 * A frame: the claim as a statement in one clause, in any order (active or passive voice): a predicate (the
 * verb or noun that makes the statement: block, bar, allow, freeze, sue…) with the words it must come with (its
 * subject and object: a court, the data), and for counts, dates and titles the value next to it.
 */
export const Frame = z.object({
  /** Status claims: what the clause asserts. */
  asserts: Token.optional(),
  /** What the clause asserts when its predicate is negated ("cannot use", "no longer blocks"); absent: nothing. */
  negated: Token.optional(),
  predicate: GroupRef,
  /** Every group must have a word in the clause. */
  with: z.array(GroupRef).optional(),
  /**
   * What the story is about (Medicaid, the data, ICE): a word of it in the clause or earlier in the same paragraph
   * ("…Medicaid files to deportation agents. The order covers the 20 states that sued.").
   */
  topic: GroupRef.optional(),
  /**
   * Other events' words (a transfer, an injunction, an agreement): a date or count nearer to one of these than
   * to the predicate is that event's, not this claim's.
   */
  rivals: GroupRef.optional(),
  /** No group may have a word in the clause (another story's clause: the IRS case, a tariff suit). */
  without: z.array(GroupRef).optional(),
  /** Count, date and title claims: templates with one slot ("{n} states", "{date}", "{person}"); the one nearest the predicate counts. */
  value: z.array(Template).optional(),
  /**
   * At most this many characters between the predicate and the value: a title and its holder's name sit side by
   * side ("Homeland Security Secretary Kristi Noem", "Kristi Noem, the homeland security secretary").
   */
  maxGap: z.number().int().nonnegative().max(200).optional(),
  guards: z.array(Guard).optional(),
  /**
   * The predicate is a change that lasts ("froze", "ended", "puso fin"): a clause that dates it ("froze enrollment on
   * Jan. 1") still says how things stand now, so the date does not make it history.
   */
  lasting: z.boolean().optional(),
  /**
   * Things a clause lists (the data fields a transfer held or an order allowed): token → words. The clause must
   * name at least `minMembers` of them (default 2: one word is a mention, a list is a statement); what it asserts
   * is that set, judged against the value's `includes` and `excludes`. The frame's `negated` word "set" (or a
   * negated predicate) asserts they are not included ("health records stay off-limits").
   */
  members: z.record(Token, GroupRef).optional(),
  minMembers: z.number().int().min(1).max(6).optional(),
  /** A predicate that itself says "not included" (kept off-limits, protected, excluded): the listed things are out. */
  excludes: z.boolean().optional(),
});

/**
 * How articles word a claim, kept apart from its values (data/claim-frames.json): claim id → frames, and words
 * that make a sentence another story's (added to the claim's own `exclude`).
 */
export const FrameSets = z.record(
  z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a claim id'),
  z.object({ frames: z.array(Frame).optional(), exclude: z.array(Template).optional() }),
);
export type FrameSets = z.infer<typeof FrameSets>;

/** Shared word groups for frames (data/claim-vocabulary.json): name → words or templates. */
export const Vocabulary = z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case name'), WordGroup);

export const Recognition = z.object({
  phrases: z.array(PhraseGroup).optional(),
  /** Frames: the claim's statement as subject, predicate and value in one clause (see Frame). */
  frames: z.array(Frame).optional(),
  /** Every group must have a word in the sentence (the subject: Medicaid, the lawsuit, …). */
  context: z.array(WordGroup).optional(),
  /** Any of these in the sentence and it is another statement (the IRS case, a state's expansion). */
  exclude: z.array(Template).optional(),
  /** For {date} claims: the date must sit within 120 characters of one of these. */
  near: z.array(Template).optional(),
  /**
   * For {date} claims: words that, standing between the date and its anchor, make the date another
   * event's ("the lawsuit says the transfer in June…" is not a June lawsuit).
   */
  apart: z.array(Template).optional(),
  guards: z.array(Guard).optional(),
});


const Statement = {
  /** What the sources say, for the card: a full sentence in each language. */
  statement: localized(10, 600),
  sources: z.array(Source).min(1),
  /**
   * The latest day a source confirms this value held (a value still open needs one within six months of the
   * release, or an `unsure` window from the day it stops being confirmed: `npm run data:check` fails otherwise).
   */
  asOf: IsoDate.optional(),
};
const Span = { from: IsoDate, to: IsoDate.optional() };

export const CountValue = z.object({
  ...Span,
  value: z.number().int().nonnegative(),
  /** Counts the sources give (inclusive): a statement within agrees. Default: exactly `value`. */
  range: z.tuple([z.number().nonnegative(), z.number().nonnegative()]).optional(),
  /** Counts that are neither confirmed nor wrong (another source's figure, a later count): no verdict. */
  unsure: z.tuple([z.number().nonnegative(), z.number().nonnegative()]).optional(),
  ...Statement,
});

export const DateValue = z.object({
  ...Span,
  value: IsoDate,
  /** Other dates that are right too (signed vs published in the Federal Register). */
  also: z.array(IsoDate).optional(),
  ...Statement,
});

export const StatusValue = z.object({
  ...Span,
  value: Token,
  /** Statuses a statement may assert and be right; `reject`: and be wrong. Anything else: no verdict. */
  accept: z.array(Token),
  reject: z.array(Token),
  /**
   * For frames that list things (`members`): what the sources say the value included, and what they say it left
   * out. A list all included agrees; naming one left out as included differs; anything the sources do not place
   * either way gives no verdict.
   */
  includes: z.array(Token).optional(),
  excludes: z.array(Token).optional(),
  ...Statement,
});

export const TitleValue = z.object({
  ...Span,
  /** Who held the title: a holder id (see `holders`). */
  value: Id,
  ...Statement,
});

export const Holder = z.object({
  /** Dataset person id where there is one. */
  id: Id,
  /** The forms articles use, full names first; the surname alone counts too. */
  names: z.array(z.string().min(2)).min(1),
});

export const UnsureWindow = z.object({
  from: IsoDate,
  /** Absent: still unsettled. */
  to: IsoDate.optional(),
  why: localized(10, 400),
});

const Common = {
  id: Id,
  /** What the claim is about, for the card's heading. */
  about: localized(10, 300),
  /** Dataset records the claim is about. */
  entities: z.array(Id),
  recognize: Recognition,
  unsure: z.array(UnsureWindow).optional(),
  /**
   * A fact about a past event that never changes once true (a date, a count at filing): an article whose
   * publication date is unknown can still be judged wrong.
   */
  timeless: z.boolean().optional(),
  /** The day someone last checked the values against their sources. */
  verified: IsoDate,
};

export const Claim = z.discriminatedUnion('kind', [
  z.object({ ...Common, kind: z.literal('count'), values: z.array(CountValue).min(1) }),
  z.object({ ...Common, kind: z.literal('date'), values: z.array(DateValue).min(1) }),
  z.object({ ...Common, kind: z.literal('status'), values: z.array(StatusValue).min(1) }),
  z.object({ ...Common, kind: z.literal('title'), values: z.array(TitleValue).min(1), holders: z.array(Holder).min(1) }),
]);

export type ClaimKind = z.infer<typeof ClaimKind>;
export type Guard = z.infer<typeof Guard>;
export type Claim = z.infer<typeof Claim>;
export type ClaimValue = Claim['values'][number];
export type Holder = z.infer<typeof Holder>;
export type UnsureWindow = z.infer<typeof UnsureWindow>;
export type Frame = z.infer<typeof Frame>;
export type Vocabulary = z.infer<typeof Vocabulary>;
