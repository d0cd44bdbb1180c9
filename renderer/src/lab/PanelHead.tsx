/**
 * The head of a lab-window panel that lists what it loaded: its intro and Refresh link, then
 * the read error, or "loading…" / "none" while the list is empty. The texts are the panel's
 * keys in the `lab` namespace: `<panel>.title`, `.intro`, `.refresh`, `.readError`, `.loading`, `.none`.
 */
import { useTranslation } from 'react-i18next';

interface Props {
  panel: 'attempts' | 'schedulers';
  state: { loading: boolean; error: string | null };
  empty: boolean;
  reload(): void;
  /** The test id of the "none" line, if it has one. */
  emptyTestId?: string;
}

export function PanelHead({ panel, state, empty, reload, emptyTestId }: Props) {
  const { t } = useTranslation('lab');
  return (
    <>
      <div className="panel-bar">
        <h2 id={`${panel}-title`} className="sr-only">{t(`${panel}.title`)}</h2>
        <p className="panel-intro">{t(`${panel}.intro`)}</p>
        <button type="button" className="link-button" data-testid={`${panel}-refresh`} onClick={reload}>{t(`${panel}.refresh`)}</button>
      </div>
      {state.error ? <div className="panel-error" role="alert">{t(`${panel}.readError`, { error: state.error })}</div> : null}
      {!state.error && empty ? <p className="muted" data-testid={emptyTestId}>{state.loading ? t(`${panel}.loading`) : t(`${panel}.none`)}</p> : null}
    </>
  );
}
