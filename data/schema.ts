/**
 * The dataset's contract. Validated at build time (WXT module), by `npm run data:check` and in tests;
 * the content script only ever sees already-validated JSON, so zod stays out of its bundle.
 */
import { z } from 'zod';
import { REJECTED_HOSTS } from '../utils/source-policy';

export { REJECTED_HOSTS };

/** ISO date; month precision ("2025-07") is allowed where a source gives no day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'expected an ISO date, YYYY-MM-DD or YYYY-MM');


/**
 * Reader-facing text in English and Spanish. Spanish is shown when the page or the browser is Spanish;
 * names of laws and agencies as Spanish-language outlets write them. `es` is optional in the type (a reader
 * falls back to English), and required by loadDataset once REQUIRE_SPANISH is set (data/validate.ts).
 */
export const REQUIRE_SPANISH = true;
export const localized = (min: number, max = 4000) => z.object({ en: z.string().min(min).max(max), es: z.string().min(min).max(max + 200).optional() });
export const Localized = localized(3);
export type Lang = 'en' | 'es';

export const SourceKind = z.enum([
  'statute', 'regulation', 'federal-register', 'court', 'agency', 'legislature', 'official', 'news',
  /** A named organization's own statement or analysis (an association, an advocacy group): attributed in the text. */
  'organization',
]);

const notRejected = (u: string) => !REJECTED_HOSTS.some((h) => new URL(u).hostname === h || new URL(u).hostname.endsWith('.' + h));

export const Source = z
  .object({
  /** The source's own address. Absent only for an original report cited by headline (see `unlinked`). */
  url: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain })
    .refine(notRejected, {
      message: 'cites a mirror or aggregator; cite the primary source or the original report',
    })
    .optional(),
  /**
   * An original news report cited by its exact headline, outlet and date, without an address: what to say
   * when the original's own page could not be seen from here but the report itself is beyond doubt (its
   * headline, byline and date read alike in several independent copies). Says so, for the fact-checker who
   * looks it up. Never a mirror's address instead.
   */
  unlinked: z.string().min(20).max(400).optional(),
  title: z.string().min(3),
  publisher: z.string().min(2),
  kind: SourceKind,
  /** Publication or signature date of the source itself, when known. */
  date: IsoDate.optional(),
  /**
   * For a live page that changes (an agency's statement, a person page, a docket): the day it was read for the
   * statement it supports. A live page cited without it may say something else today.
   */
  accessed: IsoDate.optional(),
  /**
   * A copy of the version that was read (a web archive's snapshot), beside the original and never instead of it:
   * `url` stays the original address.
   */
  archived: z.url({ protocol: /^https$/, hostname: z.regexes.domain }).optional(),
})
  .refine((s) => (s.url === undefined) !== (s.unlinked === undefined), {
    message: 'give the source\'s url, or (an original news report only) `unlinked` saying why there is none',
    path: ['url'],
  })
  .refine((s) => s.unlinked === undefined || (s.kind === 'news' && s.date !== undefined && s.date.length === 10), {
    message: 'a source cited without an address must be a news report with its day of publication',
    path: ['unlinked'],
  });

/**
 * How an alias may match. Default: case-insensitive, anywhere on a page recognised as coverage.
 * - `case`: only with exactly this casing (acronyms: ICE, not "ice").
 * - `after-full`: only after a non-`after-full` alias of the same entity (surnames: "Kennedy").
 * - `in-list`: only near another jurisdiction mention (bare "Washington" in a list of states,
 *   never a dateline or the capital).
 */
export const AliasRule = z.enum(['case', 'after-full', 'in-list']);

export const Alias = z.union([
  z.string().min(2),
  z.object({
    text: z.string().min(2),
    rule: AliasRule.optional(),
    /** Language of the form, when not English. */
    lang: z.enum(['en', 'es']).optional(),
    /** Why this form exists: a real misspelling or machine-translation variant seen in copies of the story. */
    variant: z.enum(['misspelling', 'translation', 'abbreviation']).optional(),
    /** Probable-match forms are shown with lower confidence. */
    confidence: z.enum(['high', 'probable']).optional(),
  }),
]);

/** A dated, sourced statement: the unit a fact-checker can paste. */
export const DatedFact = z.object({
  date: IsoDate,
  text: localized(10),
  sources: z.array(Source).min(1),
});

/** Where sources disagree, the record says so instead of picking silently. */
export const Disagreement = z.object({
  topic: z.string().min(3),
  text: localized(10),
  sources: z.array(Source).min(2),
});

const Common = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
  name: z.string().min(2),
  /** The name as Spanish-language outlets write it, when it differs (laws, agencies, events). */
  nameEs: z.string().min(2).optional(),
  aliases: z.array(Alias).min(1),
  /** Plain-language role in this story, one or two sentences. */
  summary: localized(20, 600),
  /** The date the record's statements describe: what was true as of this day. */
  asOf: IsoDate,
  /**
   * The day someone last checked every statement in the record against its sources (distinct from asOf:
   * a record about a 2025 event can be verified today). Cards show it; data:check lists records by it.
   */
  verified: IsoDate,
  sources: z.array(Source).min(1),
  disagreements: z.array(Disagreement).optional(),
};

export const Law = z.object({
  ...Common,
  kind: z.literal('law'),
  /** Formal citation, e.g. "5 U.S.C. § 552a". */
  citation: z.string().min(3),
  /** The key provision in plain words. */
  provision: localized(20),
});

export const Agency = z.object({
  ...Common,
  kind: z.literal('agency'),
  /** Parent agency id, e.g. CMS → hhs. */
  parent: z.string().optional(),
  jurisdiction: z.string().optional(),
});

/**
 * How a title is held, which decides when it ends without anyone reporting it:
 * - `elected`: an elected office, ending by rule at `ends` (the end of the term of office);
 * - `judicial`: a judgeship, held for life (an Article III judge) unless `ends` says otherwise;
 * - `appointed`: an appointment; at someone's pleasure, unless `ends` gives a fixed term;
 * - `acting`: filling a vacancy until someone is appointed or confirmed;
 * - `staff`: a job (a spokesman, a career official, a reporter).
 */
export const Tenure = z.enum(['elected', 'judicial', 'appointed', 'acting', 'staff']);

const PersonId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');

/** Who held the office next, for a term that ended. */
export const Successor = z.object({
  name: z.string().min(2),
  /** The dataset's record for them, when there is one. */
  id: PersonId.optional(),
  /** Their title, when it differs from the one that ended (an acting holder). */
  title: Localized.optional(),
  from: IsoDate.optional(),
  /**
   * The day the successor was announced, when the sources cited announce the succession but do not show it
   * happening (a nominee not yet confirmed): cards say "successor announced", never "succeeded by".
   */
  announced: IsoDate.optional(),
  sources: z.array(Source).min(1),
});

/**
 * A title is a term: held from `from` to `to`. Absent `to`, a fixed term (`tenure` elected or judicial, or an
 * appointment with `ends`) holds until its scheduled end; any other title is known to hold only until `asOf`,
 * and cards present it as current for six months after that and as "last confirmed" later.
 * Cards show the title held at the article's date and, when it differs, the one held now.
 */
export const Role = z.object({
  title: Localized,
  organization: Localized.optional(),
  tenure: Tenure.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** The term's scheduled end by rule (an elected term, a fixed appointment), when it has one. */
  ends: IsoDate.optional(),
  /** Date the title was last confirmed held by a source (a statement, a filing, a report). */
  asOf: IsoDate,
  /**
   * The day someone last checked this title against sources, whether or not they found a newer confirmation.
   * Required in practice for every title held today: `npm run data:check` fails when it is missing or older than
   * six months.
   */
  checked: IsoDate.optional(),
  /** For a term that ended: who held the office next, when known. */
  successor: Successor.optional(),
  sources: z.array(Source).min(1),
});

export const Person = z.object({
  ...Common,
  kind: z.literal('person'),
  /** Titles held, dated; the one relevant to the story first. */
  roles: z.array(Role).min(1),
});

export const Jurisdiction = z.object({
  ...Common,
  kind: z.literal('state'),
  postal: z.string().regex(/^[A-Z]{2}$/),
  /** State-funded coverage for adults regardless of immigration status, if any. */
  program: z
    .object({
      name: z.string().min(3),
      covers: localized(10),
      agency: z.string().optional(),
    })
    .optional(),
  /** Was this jurisdiction's data in the June 2025 CMS → DHS transfer? */
  inJune2025Transfer: z.boolean(),
  /** Role in the multistate lawsuit over the data sharing. */
  lawsuit: z.enum(['lead-plaintiff', 'plaintiff', 'joined-later', 'none']),
  timeline: z.array(DatedFact),
});

export const Event = z.object({
  ...Common,
  kind: z.literal('event'),
  date: IsoDate,
  timeline: z.array(DatedFact).optional(),
});

export const Entity = z.discriminatedUnion('kind', [Law, Agency, Person, Jurisdiction, Event]);

export const DatasetMeta = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected semver'),
  updated: IsoDate,
});

/**
 * Topic vocabulary the detector scores (English and Spanish). Not facts about entities, but versioned with
 * them so a reviewer can see why a page was or was not recognised.
 */
export const Lexicon = z.object({
  medicaid: z.array(z.string().min(2)).min(1),
  /** Immigration enforcement proper: ICE, deportation, immigration agents. A recognised page needs one. */
  enforcement: z.array(z.string().min(2)).min(1),
  /** DHS by name: part of the story, but on its own also of eligibility checks (SAVE) and much else. */
  homeland: z.array(z.string().min(2)).min(1),
  dataSharing: z.array(z.string().min(2)).min(1),
  /**
   * DHS in its eligibility-checking role (USCIS, SAVE, computer matching): where a page names these and
   * never immigration enforcement proper, its DHS mentions are about verification, not this story.
   */
  eligibilityChecks: z.array(z.string().min(2)).min(1),
});

export type Source = z.infer<typeof Source>;
export type Tenure = z.infer<typeof Tenure>;
export type Role = z.infer<typeof Role>;
export type Alias = z.infer<typeof Alias>;
export type AliasRule = z.infer<typeof AliasRule>;
export type DatedFact = z.infer<typeof DatedFact>;
export type Law = z.infer<typeof Law>;
export type Agency = z.infer<typeof Agency>;
export type Person = z.infer<typeof Person>;
export type Jurisdiction = z.infer<typeof Jurisdiction>;
export type Event = z.infer<typeof Event>;
export type Entity = z.infer<typeof Entity>;
export type EntityKind = Entity['kind'];
export type DatasetMeta = z.infer<typeof DatasetMeta>;
export type Lexicon = z.infer<typeof Lexicon>;
