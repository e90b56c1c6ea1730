/**
 * Claim checks: what the engine recognises as a checkable statement (English and Spanish, digits and
 * words), what it must not (look-alike sentences), and the verdict at different publication dates.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claims, dataset } from '../../data';
import { Claim } from '../../data/claim-schema';
import { REJECTED_HOSTS } from '../../data/schema';
import { DATA_DIR, DatasetError, loadDataset } from '../../data/validate';
import { BLOCK_SEPARATOR, compileClaims, eventsSince, prepareClaims, type ClaimCheck } from '../../engine';
import { parseCount } from '../../engine/numbers';
import { sentences } from '../../engine/sentences';

const spec = prepareClaims(claims);
const finder = compileClaims(spec);
const TODAY = '2026-11-30';

const check = (text: string, published: string | null, today = TODAY): ClaimCheck[] => finder.find(text, { published, today });
/** The one check of claim `id` in `text`, or undefined. */
const one = (id: string, text: string, published: string | null, today = TODAY) => check(text, published, today).find((c) => c.id === id);
const verdict = (id: string, text: string, published: string | null, today = TODAY) => {
  const c = one(id, text, published, today);
  return c === undefined ? 'no match' : c.verdict;
};

describe('the claims dataset', () => {
  it('holds at least 15 valid claims of every kind, each with English and Spanish phrasings', () => {
    expect(claims.length).toBeGreaterThanOrEqual(15);
    expect(new Set(claims.map((c) => c.kind))).toEqual(new Set(['count', 'date', 'status', 'title']));
    for (const c of claims) {
      expect(Claim.safeParse(c).success, c.id).toBe(true);
      for (const p of c.recognize.phrases ?? []) {
        expect(p.en.length, c.id).toBeGreaterThan(0);
        expect(p.es.length, c.id).toBeGreaterThan(0);
      }
    }
  });

  it('says what the sources say in English and Spanish, and cites no rejected host', () => {
    for (const c of claims)
      for (const v of c.values) {
        expect(v.statement.es, `${c.id} ${v.from}`).toBeTruthy();
        expect(v.sources.length).toBeGreaterThan(0);
        for (const s of v.sources) if (s.url) expect(REJECTED_HOSTS.some((h) => new URL(s.url!).hostname.endsWith(h)), s.url).toBe(false);
      }
  });

  it('refers only to records the dataset has', () => {
    const ids = new Set(dataset.entities.map((e) => e.id));
    for (const c of claims) for (const e of c.entities) expect(ids.has(e), `${c.id} → ${e}`).toBe(true);
  });

  it('recognises every claim: each is found, with a verdict, in a sentence of the development set', () => {
    // A claim nobody's wording reaches is a record, not a check (no placeholder recognition).
    const items = JSON.parse(readFileSync(join(__dirname, '../../eval/claims/dev.json'), 'utf8')) as { text: string; published: string | null }[];
    const found = new Set(items.flatMap((i) => check(i.text, i.published).filter((c) => c.verdict !== null || c.id === 'agreement-term-end').map((c) => c.id)));
    expect(claims.map((c) => c.id).filter((id) => !found.has(id))).toEqual([]);
  });

  it('is what loadDataset validates', () => {
    expect(loadDataset().claims.map((c) => c.id)).toEqual(claims.map((c) => c.id));
  });
});

describe('the spec the content script receives', () => {
  const json = JSON.stringify(spec);

  it('is plain JSON and works the same after a round trip', () => {
    const again = compileClaims(JSON.parse(json));
    const text = 'On July 1, 2025, a coalition of 20 states led by California sued over the Medicaid data.';
    expect(again.find(text, { published: '2025-07-02', today: TODAY })).toEqual(check(text, '2025-07-02'));
  });

  it('carries no statements and no sources: the card looks those up by id', () => {
    expect(json).not.toContain('"sources"');
    expect(json).not.toContain('"statement"');
    expect(json).not.toContain('apnews.com');
  });
});

describe('counts', () => {
  it('reads numbers in digits and words, English and Spanish', () => {
    expect(parseCount('twenty')).toEqual({ value: 20 });
    expect(parseCount('twenty-two')).toEqual({ value: 22 });
    expect(parseCount('veintidos')).toEqual({ value: 22 });
    expect(parseCount('treinta y dos')).toEqual({ value: 32 });
    expect(parseCount('79 million')).toEqual({ value: 79_000_000 });
    expect(parseCount('79,000,000')).toEqual({ value: 79_000_000 });
    expect(parseCount('1,6 millones')).toEqual({ value: 1_600_000 });
    expect(parseCount('nearly 80 million')).toEqual({ value: 80_000_000, qualifier: 'approx' });
    expect(parseCount('mas de 70 millones')).toEqual({ value: 70_000_000, qualifier: 'min' });
  });

  it.each([
    ['On July 1, 2025, a coalition of 20 states led by California filed suit over the Medicaid data.', 'en, digits'],
    ['Twenty states sued the Trump administration over the Medicaid data.', 'en, words'],
    ['California and 19 other states sued over the sharing of health data with ICE.', 'en, "and 19 other"'],
    ['Veinte estados demandaron al gobierno por entregar datos de Medicaid.', 'es, words'],
    ['Una coalición de 20 estados presentó la demanda por los datos de Medicaid.', 'es, digits'],
    ['California y otros 19 estados demandaron por los datos de salud.', 'es, "y otros 19"'],
  ])('the states that sued: 20 at filing agrees (%s; %s)', (text) => {
    expect(verdict('lawsuit-states-at-filing', text, '2025-07-02')).toBe('agrees');
    expect(one('lawsuit-states-at-filing', text, '2025-07-02')?.asserted).toBe('20');
  });

  it('the states that sued: another number differs, a later count (21, 22) is not called wrong', () => {
    expect(verdict('lawsuit-states-at-filing', 'Eighteen states sued over the Medicaid data.', '2025-07-02')).toBe('differs');
    expect(verdict('lawsuit-states-at-filing', 'A coalition of 22 states sued over the Medicaid data.', '2026-01-09')).toBeNull();
  });

  it('a count at filing is timeless: judged right or wrong even without a publication date', () => {
    expect(verdict('lawsuit-states-at-filing', 'Twenty states sued over the Medicaid data.', null)).toBe('agrees');
    expect(verdict('lawsuit-states-at-filing', 'Twenty-five states sued over the Medicaid data.', null)).toBe('differs');
  });

  it('the plaintiff states now: 20 is outdated since Wisconsin joined; 21 or 22 agrees later', () => {
    const twenty = one('lawsuit-plaintiff-states', 'The 20 plaintiff states won an injunction over the Medicaid data.', '2025-07-15');
    expect(twenty).toMatchObject({ verdict: 'outdated', since: '2025-08', then: { value: '20' }, now: { value: '21' } });
    expect(verdict('lawsuit-plaintiff-states', 'Twenty-two plaintiff states challenge the Medicaid data sharing.', '2026-01-09', '2026-03-01')).toBe('agrees');
    expect(verdict('lawsuit-plaintiff-states', 'Los veintidós estados demandantes piden proteger los datos de Medicaid.', '2026-01-09', '2026-03-01')).toBe('agrees');
    // Last confirmed Dec. 30, 2025, more than six months before today: still "agrees", saying since when (freshness.test.ts).
    expect(one('lawsuit-plaintiff-states', 'Twenty-two plaintiff states challenge the Medicaid data sharing.', '2026-01-09')).toMatchObject({ verdict: 'agrees', lastConfirmed: '2025-12-30' });
    // August 2025, the month Wisconsin joined, is unsettled: no verdict.
    expect(verdict('lawsuit-plaintiff-states', 'The 20 plaintiff states won an injunction over the Medicaid data.', '2025-08-20')).toBeNull();
  });

  it('the June transfer: four jurisdictions, also written "three states and D.C."', () => {
    const text = 'The file CMS sent to DHS covered enrollees in four places: California, Illinois, Washington state and the District of Columbia.';
    expect(verdict('june-transfer-jurisdictions', text, '2025-06-14')).toBe('agrees');
    expect(one('june-transfer-jurisdictions', 'In June CMS gave DHS data on enrollees in three states and D.C.', '2025-06-14')).toMatchObject({ asserted: '4', verdict: 'agrees', part: { kind: 'count', text: 'three states and D.C.' } });
    expect(verdict('june-transfer-jurisdictions', 'En junio, CMS entregó a DHS datos de afiliados de cuatro estados.', '2025-06-14')).toBe('agrees');
    expect(verdict('june-transfer-jurisdictions', 'In June CMS gave DHS data on enrollees in five states.', '2025-06-14')).toBe('differs');
  });

  it('"California and three other jurisdictions" is four; an "other" count is never read as the total', () => {
    const es = 'En junio, CMS entregó a DHS datos de personas inscritas en California y otras tres jurisdicciones.';
    expect(one('june-transfer-jurisdictions', es, '2025-06-14')).toMatchObject({ asserted: '4', verdict: 'agrees' });
    expect(verdict('june-transfer-jurisdictions', 'In June CMS gave DHS data on enrollees in California and three other states.', '2025-06-14')).toBe('agrees');
    expect(one('june-transfer-jurisdictions', 'In June CMS gave DHS Medicaid data; other states, three more jurisdictions, were spared.', '2025-06-14')).toBeUndefined();
  });

  it('the CMS–ICE agreement: about 79 million enrollees, with hedges read as written', () => {
    const at = '2025-07-18';
    expect(verdict('ice-agreement-enrollees', 'ICE will get data on 79 million Medicaid enrollees under the agreement.', at)).toBe('agrees');
    expect(verdict('ice-agreement-enrollees', 'The agreement gives ICE data on nearly 80 million Medicaid enrollees.', at)).toBe('agrees');
    expect(verdict('ice-agreement-enrollees', 'The agreement gives ICE data on more than 70 million Medicaid enrollees.', at)).toBe('agrees');
    expect(verdict('ice-agreement-enrollees', 'El acuerdo da a ICE acceso a datos de 79 millones de afiliados de Medicaid.', at)).toBe('agrees');
    expect(verdict('ice-agreement-enrollees', 'The agreement gives ICE data on 78 million Medicaid enrollees.', at)).toBeNull();
    expect(verdict('ice-agreement-enrollees', 'The agreement gives ICE data on 60 million Medicaid enrollees.', at)).toBe('differs');
  });

  it.each([
    ['20 states have expanded Medicaid and share data with DHS.', 'a Medicaid expansion count'],
    ['Twenty states have Medicaid expansion, according to the report on health data.', 'no lawsuit'],
    ['Twenty states sued over tariffs on health data equipment.', 'another lawsuit'],
    ['Wisconsin joined the 20 states in the lawsuit over the Medicaid data.', 'a joiner, not the count'],
    ['ICE has access in 28 non-plaintiff states, officials said of the Medicaid data.', 'another count of states'],
  ])('does not match look-alikes: %s (%s)', (text) => {
    expect(check(text, '2026-01-09').filter((c) => c.id.startsWith('lawsuit') || c.id.startsWith('june-transfer'))).toEqual([]);
  });
});

describe('dates', () => {
  it('the lawsuit: July 1, 2025 agrees; a day off is not called wrong; another date differs', () => {
    const at = '2025-07-03';
    expect(verdict('lawsuit-filing-date', 'The states sued on July 1, 2025, over the Medicaid data.', at)).toBe('agrees');
    expect(verdict('lawsuit-filing-date', 'The states sued on July 2, 2025, over the Medicaid data.', at)).toBeNull();
    expect(verdict('lawsuit-filing-date', 'The states filed suit on June 20, 2025, over the Medicaid data.', at)).toBe('differs');
    expect(verdict('lawsuit-filing-date', 'Los estados presentaron la demanda el 1 de julio de 2025 por los datos de Medicaid.', at)).toBe('agrees');
  });

  it('a date without a year takes it from the publication date, and needs one', () => {
    expect(one('lawsuit-filing-date', 'The states sued on July 1 over the Medicaid data.', '2025-07-03')?.asserted).toBe('2025-07-01');
    expect(one('preliminary-injunction-date', 'In August, a judge issued a preliminary injunction barring DHS from using Medicaid data.', '2026-01-09')).toMatchObject({ asserted: '2025-08', verdict: 'agrees' });
    expect(one('lawsuit-filing-date', 'The states sued on July 1 over the Medicaid data.', null)).toBeUndefined();
  });

  it("a date that belongs to another event in the sentence is not the claim's date", () => {
    const text = 'La demanda, presentada en San Francisco, sostiene que la transferencia de junio violó las leyes de privacidad de los estados.';
    expect(one('lawsuit-filing-date', text, '2025-07-20')).toBeUndefined();
  });

  it('Executive Order 14218: signed Feb. 19, published Feb. 25, 2025; both agree', () => {
    const at = '2025-06-13';
    expect(verdict('eo-14218-date', 'Trump signed Executive Order 14218 on Feb. 19, 2025.', at)).toBe('agrees');
    expect(verdict('eo-14218-date', 'Executive Order 14218 was published in the Federal Register on February 25, 2025.', at)).toBe('agrees');
    expect(verdict('eo-14218-date', 'Trump signed Executive Order 14218 in March 2025.', at)).toBe('differs');
    expect(verdict('eo-14218-date', 'Trump firmó la Orden Ejecutiva 14218 el 19 de febrero de 2025.', at)).toBe('agrees');
    // A letter that cites the order is dated too; the date nearest the signing is the one judged.
    expect(check('CMS cited Executive Order 14218 in a May 27 letter to the states.', at).find((c) => c.id === 'eo-14218-date')).toBeUndefined();
  });

  it('the December ruling: the date nearest the decision, not the November notice before it', () => {
    const text = 'A notice in the Federal Register in November described the sharing, and in a December order Chhabria allowed basic Medicaid details to be shared.';
    expect(one('december-2025-ruling-date', text, '2026-01-09')).toMatchObject({ part: { kind: 'month', text: 'December' }, asserted: '2025-12', verdict: 'agrees' });
  });
});

describe('statuses', () => {
  const blocked = 'A federal judge has blocked the sharing of Medicaid data with ICE.';
  it('"a judge blocked the sharing": wrong before Aug. 12, 2025, right then, outdated since Jan. 6, 2026', () => {
    expect(verdict('court-block-status', blocked, '2025-07-20')).toBe('differs');
    expect(one('court-block-status', blocked, '2025-09-01')).toMatchObject({ verdict: 'outdated', since: '2026-01-06', then: { value: 'blocked' }, now: { value: 'partly' } });
    // Between the Dec. 29 order and its effect on Jan. 6: no verdict.
    expect(verdict('court-block-status', blocked, '2025-12-31')).toBeNull();
    // After Jan. 6 "blocked" is half right (other data still is): no verdict rather than a wrong one.
    expect(verdict('court-block-status', blocked, '2026-02-01')).toBeNull();
    expect(verdict('court-block-status', blocked, null)).toBeNull();
  });

  it('"a judge allowed sharing basic data": wrong in the autumn of 2025, right since Jan. 6, 2026', () => {
    const allowed = 'The judge has allowed ICE to use basic Medicaid data such as addresses.';
    expect(verdict('court-block-status', allowed, '2025-10-01')).toBe('differs');
    expect(verdict('court-block-status', allowed, '2026-02-01', '2026-06-01')).toBe('agrees');
    expect(verdict('court-block-status', 'Un juez federal permitió compartir con ICE datos básicos de Medicaid.', '2026-02-01', '2026-06-01')).toBe('agrees');
    // Last confirmed March 13, 2026: by late November "agrees" as last confirmed then.
    expect(one('court-block-status', allowed, '2026-02-01')).toMatchObject({ verdict: 'agrees', lastConfirmed: '2026-03-13' });
  });

  it('in Spanish', () => {
    expect(verdict('court-block-status', 'Un juez federal bloqueó el uso de los datos de Medicaid por parte de ICE.', '2025-09-01')).toBe('outdated');
  });

  it.each([
    ['The judge blocked a different rule on Medicaid work requirements.', 'another ruling'],
    ['A judge declined to stop the IRS from sharing taxpayer data with ICE.', 'the IRS case, and declined'],
    ['A judge has not blocked the sharing of Medicaid data.', 'negated'],
    ['In August, a judge blocked the sharing of Medicaid data with ICE.', 'history: dated'],
    ['A judge could block the sharing of Medicaid data with ICE.', 'a possibility'],
  ])('no status claim in look-alikes: %s (%s)', (text) => {
    expect(one('court-block-status', text, '2025-09-01')).toBeUndefined();
  });

  it('ICE access: right once the agreement was in force; unsettled while the injunction covered only plaintiff states', () => {
    expect(verdict('ice-access-status', 'ICE now has access to Medicaid data on millions of people.', '2025-08-05', '2026-06-01')).toBe('agrees');
    // After Sept. 9, 2026, the agreement's stated end, nothing could be confirmed: right when written, and the check
    // says when a source last confirmed ICE's (basic) access.
    expect(one('ice-access-status', 'ICE now has access to Medicaid data on millions of people.', '2025-08-05')).toMatchObject({ verdict: 'agrees', lastConfirmed: '2026-03-13' });
    // Written inside that unsettled stretch: no verdict.
    expect(verdict('ice-access-status', 'ICE now has access to Medicaid data on millions of people.', '2026-10-01')).toBeNull();
    // July 2025: the agreement's month, its exact start not settled.
    expect(verdict('ice-access-status', 'ICE now has access to Medicaid data on millions of people.', '2025-07-20')).toBeNull();
    expect(verdict('ice-access-status', 'ICE now has access to Medicaid data on millions of people.', '2025-10-20')).toBeNull();
    expect(verdict('ice-access-status', 'ICE cannot use Medicaid data to find immigrants.', '2025-08-05')).toBe('differs');
    expect(verdict('ice-access-status', 'ICE ya tiene acceso a los datos de Medicaid.', '2026-02-01', '2026-06-01')).toBe('agrees');
    expect(one('ice-access-status', 'The records could let ICE find immigrants through Medicaid.', '2025-06-13')).toBeUndefined();
  });

  it("California's freeze on new adult enrollment: wrong before the decision, unsettled until Jan. 1, 2026, right after", () => {
    const frozen = 'California has frozen new enrollment of undocumented adults in Medi-Cal.';
    expect(verdict('california-enrollment-freeze', frozen, '2025-03-01')).toBe('differs');
    expect(verdict('california-enrollment-freeze', frozen, '2025-09-01')).toBeNull();
    expect(verdict('california-enrollment-freeze', frozen, '2026-02-01', '2026-06-01')).toBe('agrees');
    expect(verdict('california-enrollment-freeze', 'California congeló la inscripción de adultos indocumentados en Medi-Cal.', '2026-02-01', '2026-06-01')).toBe('agrees');
    // The future tense is a plan, not the state of things.
    expect(one('california-enrollment-freeze', 'California congelará nuevas inscripciones en Medi-Cal para adultos indocumentados.', '2025-06-01')).toBeUndefined();
  });

  it("Illinois's program for immigrant adults: ended July 1, 2025", () => {
    const running = 'In Illinois a state program still covers immigrant adults aged 42 to 64.';
    expect(one('illinois-hbia-status', running, '2024-10-01')).toMatchObject({ verdict: 'outdated', since: '2025-07-01' });
    expect(verdict('illinois-hbia-status', running, '2026-01-09')).toBe('differs');
    expect(verdict('illinois-hbia-status', 'Illinois ended its Health Benefits for Immigrant Adults program.', '2025-08-01', '2025-12-01')).toBe('agrees');
    // Seniors are another program, still running.
    expect(one('illinois-hbia-status', 'Illinois still covers immigrant adults 65 and older, the seniors program.', '2026-01-09')).toBeUndefined();
  });

  it('MinnesotaCare for undocumented adults: ended after Dec. 31, 2025', () => {
    expect(verdict('minnesotacare-undocumented-adults', 'Minnesota ended MinnesotaCare coverage for undocumented adults.', '2026-02-01', '2026-06-01')).toBe('agrees');
    expect(verdict('minnesotacare-undocumented-adults', 'MinnesotaCare covers undocumented adults who meet the income rules.', '2025-02-01')).toBe('outdated');
    expect(verdict('minnesotacare-undocumented-adults', 'Minnesota eliminó la cobertura de MinnesotaCare para adultos indocumentados.', '2026-02-01', '2026-06-01')).toBe('agrees');
  });
});

describe('titles', () => {
  it('"DHS Secretary Kristi Noem": right until March 2026, outdated since; unsettled in the handover week', () => {
    const noem = 'Homeland Security Secretary Kristi Noem defended the agreement.';
    expect(one('dhs-secretary', noem, '2025-10-01')).toMatchObject({ verdict: 'outdated', since: '2026-03-31', asserted: 'kristi-noem', now: { value: 'markwayne-mullin' } });
    expect(verdict('dhs-secretary', noem, '2026-03-27')).toBeNull();
    expect(verdict('dhs-secretary', noem, '2026-05-01')).toBe('differs');
    expect(verdict('dhs-secretary', 'Homeland Security Secretary Markwayne Mullin defended the agreement.', '2025-10-01')).toBe('differs');
    expect(verdict('dhs-secretary', 'Homeland Security Secretary Markwayne Mullin defended the agreement.', '2026-05-01', '2026-06-01')).toBe('agrees');
    // Mullin last confirmed in April 2026: still "agrees" in December, saying since when it rests on that.
    expect(one('dhs-secretary', 'Homeland Security Secretary Markwayne Mullin defended the agreement.', '2026-05-01')).toMatchObject({ verdict: 'agrees', lastConfirmed: '2026-04-16' });
  });

  it('name before title, in Spanish, and a misspelt copy', () => {
    expect(one('dhs-secretary', 'Kristi Noem, the DHS secretary, said the sharing was lawful.', '2025-10-01')).toMatchObject({ text: 'Kristi Noem, the DHS secretary, said the sharing was lawful', part: { kind: 'holder', text: 'Kristi Noem' }, verdict: 'outdated' });
    expect(verdict('dhs-secretary', 'La secretaria de Seguridad Nacional, Kristi Noem, defendió el acuerdo.', '2025-10-01')).toBe('outdated');
    expect(one('dhs-secretary', 'Kristi Noam, the DHS secretary, said the sharing was lawful.', '2025-10-01')?.asserted).toBe('kristi-noem');
  });

  it('HHS Secretary Robert F. Kennedy Jr. agrees, and says when his title was last confirmed', () => {
    expect(verdict('hhs-secretary', 'Aides to Health Secretary Robert F. Kennedy Jr. ordered the transfer.', '2025-06-13', '2025-12-01')).toBe('agrees');
    expect(verdict('hhs-secretary', 'El secretario de Salud, Robert F. Kennedy Jr., ordenó la entrega.', '2025-06-13', '2025-12-01')).toBe('agrees');
    // Last confirmed in 2025 by the sources cited: "agrees" in late 2026, as last confirmed then.
    expect(one('hhs-secretary', 'Aides to Health Secretary Robert F. Kennedy Jr. ordered the transfer.', '2025-06-13')).toMatchObject({ verdict: 'agrees', lastConfirmed: expect.any(String) });
  });

  it('acting ICE Director Todd Lyons: right until May 31, 2026 (AP), outdated since; wrong in a later article, whoever his successor was', () => {
    const said = 'Acting ICE Director Todd Lyons confirmed the agency would use the data.';
    expect(verdict('ice-acting-director', said, '2025-07-20', '2026-01-01')).toBe('agrees');
    // Last confirmed by AP on April 16, 2026, his term running to May 31.
    expect(verdict('ice-acting-director', said, '2025-07-20', '2026-05-15')).toBe('agrees');
    // His term ended on May 31, 2026: whoever came next, the title is out of date from June 1.
    const lyons = one('ice-acting-director', said, '2025-07-20');
    expect(lyons).toMatchObject({ asserted: 'todd-lyons', verdict: 'outdated', since: '2026-06-01', then: { value: 'todd-lyons', to: '2026-05-31' } });
    // Written after he left: who held the title then is not settled by a citable source, but it was not him.
    expect(verdict('ice-acting-director', said, '2026-06-05')).toBe('differs');
    // Written in the month his term ended (a month-precision end would be unsure; his is a day): still his.
    expect(verdict('ice-acting-director', said, '2026-05-30', '2026-05-31')).toBe('agrees');
  });

  it.each([
    ['Former DHS Secretary Kristi Noem spoke at the event.', 'former'],
    ['Then-Homeland Security Secretary Kristi Noem signed the order.', 'then-'],
    ['In July 2025, DHS Secretary Kristi Noem said the data would be used.', 'a dated statement'],
    ['DHS Secretary Alejandro Mayorkas had a different policy.', 'another person'],
    ['California Health Secretary Kim Johnson said the state would comply.', 'a state official'],
    ['ICE Director Todd Lyons met HHS officials.', 'another title (no DHS claim)'],
  ])('no title verdict on look-alikes: %s (%s)', (text) => {
    const ids = check(text, '2025-10-01').map((c) => c.id);
    expect(ids.filter((id) => id === 'dhs-secretary' || id === 'hhs-secretary')).toEqual([]);
  });
});

describe('lists: what a transfer held, what an agreement or an order let ICE see', () => {
  it('a list of fields all in the sources agrees, and the part compared is the list', () => {
    const c = one('june-transfer-fields', 'The files include names, addresses, Social Security numbers and immigration status for enrollees in four states.', '2025-06-13');
    expect(c).toMatchObject({ verdict: 'agrees', part: { kind: 'fields', text: 'names, addresses, Social Security numbers and immigration status' } });
    expect(c?.asserted).toBe('names, addresses, ssn, immigration-status');
    expect(verdict('ice-agreement-fields', 'ICE gets the names, addresses, birth dates, ethnicities and Social Security numbers of every person on Medicaid.', '2025-07-19')).toBe('agrees');
    expect(verdict('december-order-fields', 'La orden del juez permite compartir con ICE la dirección, el teléfono y el estatus migratorio.', '2026-01-04')).toBe('agrees');
  });

  it('naming what the sources say was kept out as shared differs; saying it was kept out agrees', () => {
    expect(verdict('december-order-fields', 'ICE may now receive enrollees\' diagnoses and prescription histories under the ruling.', '2026-01-02')).toBe('differs');
    expect(verdict('december-order-fields', 'The judge let ICE see basic data, though the court kept health records off-limits.', '2026-01-28')).toBe('agrees');
    expect(verdict('december-order-fields', 'El magistrado levantó la medida cautelar, así que ICE ya puede consultar cualquier dato de Medicaid.', '2026-01-10')).toBe('differs');
  });

  it('an item the sources do not place either way, or a single word, is no statement', () => {
    // DNA results: no source says either way.
    expect(one('june-transfer-fields', 'The files handed over in June included names, addresses and DNA test results.', '2025-06-16')).toMatchObject({ verdict: null });
    expect(one('june-transfer-fields', 'The June files included addresses.', '2025-06-16')).toBeUndefined();
    // The same list about another event goes to that event only.
    expect(check('ICE gets the names, addresses, birth dates and Social Security numbers under the agreement.', '2025-07-19').map((c) => c.id)).not.toContain('june-transfer-fields');
  });
});

describe('framing read from the clause', () => {
  it('a claim reported as false is not the article\'s', () => {
    expect(one('ice-access-status', 'Posts saying ICE cannot see Medicaid records are wrong.', '2025-08-06')).toBeUndefined();
    expect(one('december-order-fields', 'Es falso que el juez haya autorizado a ICE a ver historiales médicos.', '2026-01-20')).toBeUndefined();
  });

  it('a colon before an article starts another clause', () => {
    const c = one('december-order-fields', 'Es falso que el juez haya autorizado a ICE a ver historiales médicos: la orden solo cubre datos básicos de personas sin estatus legal.', '2026-01-20');
    expect(c).toMatchObject({ verdict: 'agrees', text: 'la orden solo cubre datos básicos de personas sin estatus legal' });
  });

  it('"since August" and "the August ruling" do not make a present statement history', () => {
    expect(verdict('court-block-status', 'Desde el fallo de agosto, el DHS no puede usar con fines migratorios los datos de Medicaid de los estados demandantes.', '2025-09-30')).toBe('outdated');
    expect(verdict('ice-access-status', 'A July agreement gives ICE access to enrollees\' Medicaid data.', '2025-08-06')).toBe('agrees');
    // A date that dates the clause's own event still makes it history.
    expect(one('court-block-status', 'In August a judge blocked the sharing of Medicaid data with ICE.', '2025-12-01')).toBeUndefined();
  });

  it('a date used as an adjective dates its own noun, and a date after another verb is that verb\'s', () => {
    const text = 'For now, the lawsuit over the Medicaid data continues, the December limits are in force, and the question the staff raised in June remains.';
    expect(check(text, '2026-02-01').map((c) => c.id)).not.toContain('lawsuit-filing-date');
    expect(verdict('preliminary-injunction-date', 'The Aug. 12 injunction barred DHS from using Medicaid data from the plaintiff states.', '2025-09-01')).toBe('agrees');
  });
});

describe('where a statement may sit', () => {
  it('never across blocks: a count in one paragraph and "sued" in the next are not a statement', () => {
    const text = `A coalition of 20 states${BLOCK_SEPARATOR}sued over the Medicaid data.`;
    expect(check(text, '2025-07-02')).toEqual([]);
  });

  it('news abbreviations do not end a sentence', () => {
    const text = 'Gov. Gavin Newsom spoke on Aug. 12. U.S. District Judge Vince Chhabria ruled. Sen. Adam Schiff agreed.';
    expect(sentences(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'Gov. Gavin Newsom spoke on Aug. 12.',
      'U.S. District Judge Vince Chhabria ruled.',
      'Sen. Adam Schiff agreed.',
    ]);
  });

  it('only in the story when the caller says where it is, never in peripheral text', () => {
    const head = 'Related: Twenty states sued over the Medicaid data.';
    const body = 'On July 1, 2025, a coalition of 20 states sued over the Medicaid data.';
    const text = `${head}${BLOCK_SEPARATOR}${body}`;
    const bodyStart = head.length + 1;
    const all = check(text, '2025-07-02').filter((c) => c.id === 'lawsuit-states-at-filing');
    expect(all).toHaveLength(2);
    const inStory = finder.find(text, { published: '2025-07-02', today: TODAY, spans: [bodyStart, text.length] });
    expect(inStory.filter((c) => c.id === 'lawsuit-states-at-filing').map((c) => c.start)).toEqual([all[1].start]);
    const notRail = finder.find(text, { published: '2025-07-02', today: TODAY, peripheral: [0, head.length] });
    expect(notRail.filter((c) => c.id === 'lawsuit-states-at-filing').map((c) => c.start)).toEqual([all[1].start]);
  });

  it('offsets point into the text', () => {
    const text = `Intro.${BLOCK_SEPARATOR}On July 1, 2025, a coalition of 20 states sued over the Medicaid data.`;
    for (const c of check(text, '2025-07-02')) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('events since an article', () => {
  const events = [
    { id: 'b', kind: 'event', date: '2025-12-29' },
    { id: 'a', kind: 'event', date: '2025-08-12' },
    { id: 'm', kind: 'event', date: '2025-07' },
    { id: 'p', kind: 'person' },
    { id: 'future', kind: 'event', date: '2027-01-01' },
  ];

  it('lists events after the date, oldest first, with their dates', () => {
    expect(eventsSince(events, '2025-07-15')).toEqual([
      { id: 'a', date: '2025-08-12' },
      { id: 'b', date: '2025-12-29' },
      { id: 'future', date: '2027-01-01' },
    ]);
  });

  it('counts a month-precision event only when its whole month is after, and leaves out the future with `today`', () => {
    expect(eventsSince(events, '2025-06-30', '2026-11-30').map((e) => e.id)).toEqual(['m', 'a', 'b']);
    expect(eventsSince(events, '2025-07-01', '2026-11-30').map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('on the dataset: what followed an article of June 13, 2025', () => {
    const since = eventsSince(dataset.entities, '2025-06-13', TODAY);
    expect(since.map((e) => e.id)).toEqual(expect.arrayContaining(['multistate-lawsuit', 'preliminary-injunction-aug-2025', 'ruling-dec-2025']));
    expect(since.map((e) => e.id)).not.toContain('june-2025-transfer');
    expect([...since].sort((x, y) => x.date.localeCompare(y.date))).toEqual(since);
  });
});

describe('validation', () => {
  function invalid(edit: (claims: Record<string, unknown>[]) => void): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'mdc-claims-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    const file = join(dir, 'claims.json');
    const records = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
    edit(records);
    writeFileSync(file, JSON.stringify(records));
    try {
      loadDataset(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      return (e as DatasetError).problems;
    }
    throw new Error('expected the dataset to be invalid');
  }

  it('names the file, the claim and the field of a bad date', () => {
    const problems = invalid((c) => ((c[0].values as { from: string }[])[0].from = 'June 2025'));
    expect(problems).toEqual([`claims.json: record '${claims[0].id}': field values[0].from: expected an ISO date, YYYY-MM-DD or YYYY-MM`]);
  });

  it('names a phrase that does not compile', () => {
    const problems = invalid((c) => ((c[1].recognize as { phrases: { en: string[] }[] }).phrases[0].en[0] = '(states sued'));
    expect(problems).toEqual([`claims.json: record '${claims[1].id}': field recognize.phrases[0].en[0]: unbalanced "("`]);
  });

  it('names a reference to a record that does not exist, and values out of order', () => {
    const problems = invalid((c) => {
      (c[2].entities as string[]).push('no-such-record');
      const values = c[2].values as { from: string; to?: string }[];
      delete values[0].to;
    });
    expect(problems).toContain(`claims.json: record '${claims[2].id}': field entities[${claims[2].entities.length}]: no record has id 'no-such-record'`);
    expect(problems.some((p) => p.startsWith(`claims.json: record '${claims[2].id}': field values[1].from: overlaps`))).toBe(true);
  });

  it('names a list value no frame can read, and a regular expression written as a template', () => {
    const problems = invalid((c) => {
      const fields = c.find((r) => r.id === 'june-transfer-fields')!;
      (fields.values as { includes: string[] }[])[0].includes.push('adresses');
      const access = c.find((r) => r.id === 'ice-access-status')!;
      (access.recognize as { phrases: { en: string[] }[] }).phrases[0].en[0] = 'ICE (now )?has access to ~ Medicaid';
    });
    expect(problems).toContain(`claims.json: record 'june-transfer-fields': field values[0].includes[5]: 'adresses' is not a member any of the claim's frames lists`);
    expect(problems.some((p) => p.startsWith(`claims.json: record 'ice-access-status': field recognize.phrases[0].en[0]: write optional words in [brackets]`))).toBe(true);
  });
});
