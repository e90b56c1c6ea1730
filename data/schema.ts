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


export const SourceKind = z.enum([
  'statute', 'regulation', 'federal-register', 'court', 'agency', 'legislature', 'official', 'news',
]);

export const Source = z.object({
  url: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain })
    .refine((u) => !REJECTED_HOSTS.some((h) => new URL(u).hostname === h || new URL(u).hostname.endsWith('.' + h)), {
      message: 'cites a mirror or aggregator; cite the primary source or the original report',
    }),
  title: z.string().min(3),
  publisher: z.string().min(2),
  kind: SourceKind,
  /** Publication or signature date of the source itself, when known. */
  date: IsoDate.optional(),
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
  text: z.string().min(10),
  sources: z.array(Source).min(1),
});

/** Where sources disagree, the record says so instead of picking silently. */
export const Disagreement = z.object({
  topic: z.string().min(3),
  text: z.string().min(10),
  sources: z.array(Source).min(2),
});

const Common = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
  name: z.string().min(2),
  aliases: z.array(Alias).min(1),
  /** Plain-language role in this story, one or two sentences. */
  summary: z.string().min(20).max(600),
  asOf: IsoDate,
  sources: z.array(Source).min(1),
  disagreements: z.array(Disagreement).optional(),
};

export const Law = z.object({
  ...Common,
  kind: z.literal('law'),
  /** Formal citation, e.g. "5 U.S.C. § 552a". */
  citation: z.string().min(3),
  /** The key provision in plain words. */
  provision: z.string().min(20),
});

export const Agency = z.object({
  ...Common,
  kind: z.literal('agency'),
  /** Parent agency id, e.g. CMS → hhs. */
  parent: z.string().optional(),
  jurisdiction: z.string().optional(),
});

export const Role = z.object({
  title: z.string().min(3),
  organization: z.string().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Date the title was confirmed held (a statement, a filing, a report). */
  asOf: IsoDate,
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
      covers: z.string().min(10),
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
