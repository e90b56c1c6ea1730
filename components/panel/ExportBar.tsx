/** The page's notes as files (handout, W3C Web Annotation, CSV, ClaimReview) and as one citation to paste. */
import { useEnv } from './context';
import { CopyButtons } from './CopyButtons';
import { EXPORT_KINDS, exportFile, type ExportKind } from './exports';

const LABEL: Record<ExportKind, string> = {
  handout: 'panel.exportHandout',
  w3c: 'panel.exportW3c',
  csv: 'panel.exportCsv',
  claimreview: 'panel.exportClaimReview',
};

export function ExportBar() {
  const env = useEnv();
  const { t, ctx } = env;
  if (!ctx) return null;
  const run = (kind: ExportKind) => {
    try {
      const file = exportFile(kind, ctx);
      env.save(file.name, file.type, file.content);
      env.announce(t('panel.saved', [file.name]));
    } catch (e) {
      env.announce(t('panel.exportFailed', [e instanceof Error ? e.message : String(e)]));
    }
  };
  return (
    <>
      <div class="button-row">
        {EXPORT_KINDS.map((k) => (
          <button key={k} type="button" class="button" data-export={k} onClick={() => run(k)}>
            {t(LABEL[k])}
          </button>
        ))}
      </div>
      <div class="button-row">
        <CopyButtons target="page" />
      </div>
    </>
  );
}
