/** The entities the article names, grouped by kind, each kind with its mention count. */
import { useEnv } from './context';
import { EntityDetails } from './EntityDetails';
import type { KindGroup } from './model';

export function EntityList({ groups, total }: { groups: KindGroup[]; total: number }) {
  const { t } = useEnv();
  if (!total) return <p class="muted">{t('panel.entitiesNone')}</p>;
  return (
    <>
      {groups.map((g) => (
        <section key={g.kind} class="kind-group" data-kind={g.kind} aria-labelledby={`kind-${g.kind}`}>
          <h3 id={`kind-${g.kind}`} class="kind-head">
            <span class={`swatch swatch-${g.kind}`} aria-hidden="true" />
            {t(`kind.plural.${g.kind}`)} <span class="muted">({t('panel.mentionCount', [g.mentions])})</span>
          </h3>
          <ul class="records">
            {g.rows.map((r) => (
              <li key={r.entity.id}>
                <EntityDetails entity={r.entity} headingLevel={4} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
