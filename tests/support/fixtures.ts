/** A small, stable dataset for engine tests: behaviour, not the real data's contents. */
import type { Lexicon, MatchableEntity } from '../../engine';

const E = (id: string, kind: MatchableEntity['kind'], name: string, aliases: MatchableEntity['aliases'] = []): MatchableEntity => ({
  id,
  kind,
  name,
  aliases,
});

export const ENTITIES: MatchableEntity[] = [
  E('rfk', 'person', 'Robert F. Kennedy Jr.', ['Robert F. Kennedy, Jr.', { text: 'Kennedy', rule: 'after-full' }]),
  E('newsom', 'person', 'Gavin Newsom', [{ text: 'Gavin Newo', variant: 'misspelling' }, { text: 'Newsom', rule: 'after-full' }]),
  E('washington', 'state', 'Washington State', ['Washington state', { text: 'Washington', rule: 'in-list' }]),
  E('dc', 'state', 'District of Columbia', ['Washington, D.C.', { text: 'the district', rule: 'after-full' }]),
  E('california', 'state', 'California'),
  E('illinois', 'state', 'Illinois'),
  E('ice', 'agency', 'Immigration and Customs Enforcement', [{ text: 'ICE', rule: 'case' }]),
  E('cms', 'agency', 'Centers for Medicare & Medicaid Services', [{ text: 'CMS', rule: 'case' }]),
  E('dhs', 'agency', 'Department of Homeland Security', [{ text: 'DHS', rule: 'case' }, { text: 'Departamento de Seguridad Nacional', lang: 'es' }]),
  E('privacy-act', 'law', 'Privacy Act of 1974', [{ text: 'Ley de Privacidad de 1974', lang: 'es' }]),
];

export const LEXICON: Lexicon = {
  medicaid: ['Medicaid', 'Medi-Cal', 'enrollees'],
  enforcement: ['ICE', 'deportation', 'immigration enforcement'],
  homeland: ['Homeland Security', 'DHS'],
  eligibilityChecks: ['USCIS', 'SAVE program'],
  dataSharing: ['data', 'personal data', 'shared', 'handed over', 'datos'],
};

/** A short story-like text, one paragraph per line. */
export const STORY = [
  'Medicaid data handed to immigration agents',
  'WASHINGTON (AP) — The Centers for Medicare & Medicaid Services handed over personal data on Medicaid enrollees to the Department of Homeland Security, officials said.',
  'The data covers enrollees in California, Illinois, Washington and Washington, D.C. ICE may use the data for deportation cases.',
  'Health Secretary Robert F. Kennedy Jr. defended the move. Kennedy said Medicaid data was shared lawfully. California Gov. Gavin Newsom objected; Newsom called it unlawful.',
];
