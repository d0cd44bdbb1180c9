/**
 * The outside faults of shared/faults.ts: each with its label, what it breaks and the codes it
 * leads to, a target chooser fitting its scope (a cluster, a node, a link between two clusters)
 * and an on/off switch; above them, the faults that are on now.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FAULTS, type FaultId } from '../../../shared/faults';
import { useLab } from '../store/lab-store';
import { useLabWindow } from '../store/lab-window-store';
import {
  activeValue, faultLabel, faultTargets, faultValueDef, faultValueText, isActive, targetLabel, validFaultValue, type ClusterInfo,
} from '../store/lab-window-model';

const NO_CLUSTERS: ClusterInfo[] = [];

function FaultRow({ fault }: { fault: (typeof FAULTS)[number] }) {
  const { t } = useTranslation('lab');
  const label = faultLabel(t, fault.id);
  const clusters = useLab((s) => s.snapshot?.clusters ?? NO_CLUSTERS);
  const active = useLabWindow((s) => s.faults);
  const pending = useLabWindow((s) => s.faultPending);
  const setFault = useLabWindow((s) => s.setFault);
  const targets = faultTargets(fault.scope, clusters);
  const [chosen, setChosen] = useState<string | null>(null);
  // Until the user picks one, the chooser shows where the fault is on (else the first target).
  const target = targets.find((t) => t.value === chosen)?.value ?? targets.find((t) => isActive(active, fault.id, t.value))?.value ?? targets[0]?.value ?? '';
  const on = target !== '' && isActive(active, fault.id, target);
  // A fault with a size (latency, loss): the size typed, else the one it has on this target, else its default.
  const valueDef = faultValueDef(fault.id);
  const [typed, setTyped] = useState<string | null>(null);
  const current = activeValue(active, fault.id, target) ?? valueDef?.default;
  const valueText = typed ?? (current == null ? '' : String(current));
  const value = Number(valueText);
  const valueOk = !valueDef || validFaultValue(fault.id, value);
  const applyValue = () => {
    if (on && valueDef && valueOk && value !== activeValue(active, fault.id, target)) void setFault(fault.id, target, true, value);
  };
  const onAnywhere = active.filter((f) => f.fault === fault.id).length;
  const id = `fault-${fault.id}`;
  return (
    <li className={`fault${on ? ' on' : ''}`} data-testid={id}>
      <div className="fault-head">
        <span className="fault-label" id={`${id}-label`}>{label}</span>
        <span className="fault-codes" title={t('faults.codesTitle')}>{fault.codes.map((c) => `(${c})`).join(' ')}</span>
        {onAnywhere ? <span className="fault-count">{t('faults.onCount', { count: onAnywhere })}</span> : null}
      </div>
      <p className="fault-effect">{t(`faults:${fault.id}.effect`, { defaultValue: fault.effect })}</p>
      <div className="fault-controls">
        <label className="fault-target">
          <span>{t(`faults.scope.${fault.scope}`)}</span>
          <select data-testid={`fault-target-${fault.id}`} value={target} onChange={(e) => { setChosen(e.target.value); setTyped(null); }} disabled={!targets.length}>
            {targets.map((x) => <option key={x.value} value={x.value}>{x.label}{isActive(active, fault.id, x.value) ? t('faults.onThere') : ''}</option>)}
          </select>
        </label>
        {valueDef ? (
          <label className={`fault-value${valueOk ? '' : ' invalid'}`} title={`${t('faults.valueRange', { min: valueDef.min, max: valueDef.max, unit: valueDef.unit })}${on ? t('faults.valueEnter') : ''}`}>
            <input
              type="number"
              data-testid={`fault-value-${fault.id}`}
              aria-label={`${label} (${valueDef.unit})`}
              aria-invalid={!valueOk}
              min={valueDef.min}
              max={valueDef.max}
              value={valueText}
              onChange={(e) => setTyped(e.target.value)}
              onBlur={applyValue}
              onKeyDown={(e) => e.key === 'Enter' && applyValue()}
            />
            <span>{valueDef.unit}</span>
          </label>
        ) : null}
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            data-testid={`fault-switch-${fault.id}`}
            aria-labelledby={`${id}-label`}
            checked={on}
            disabled={!target || pending === `${fault.id} ${target}` || (!on && !valueOk)}
            onChange={(e) => {
              setChosen(target);
              setTyped(null);
              void setFault(fault.id, target, e.target.checked, e.target.checked && valueDef ? value : undefined);
            }}
          />
          <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
          <span className="switch-text">{on ? t('faults.on') : t('faults.off')}</span>
        </label>
      </div>
    </li>
  );
}

export function FaultsPanel() {
  const { t } = useTranslation('lab');
  const clusters = useLab((s) => s.snapshot?.clusters ?? NO_CLUSTERS);
  const active = useLabWindow((s) => s.faults);
  const state = useLabWindow((s) => s.faultsState);
  const error = useLabWindow((s) => s.faultError);
  const setFault = useLabWindow((s) => s.setFault);
  const label = (fault: FaultId) => faultLabel(t, fault);
  return (
    <section className="panel faults-panel" aria-labelledby="faults-title">
      <h2 id="faults-title" className="sr-only">{t('faults.title')}</h2>
      <p className="panel-intro">{t('faults.intro')}</p>
      {state.error ? <div className="panel-error" role="alert">{t('faults.readError', { error: state.error })}</div> : null}
      {error ? <div className="panel-error" role="alert">{error}</div> : null}
      <div className="active-faults" data-testid="active-faults">
        <h3>{t('faults.active')}</h3>
        {active.length === 0 ? (
          <p className="muted" data-testid="no-active-faults">{state.loading ? t('faults.loading') : t('faults.none')}</p>
        ) : (
          <ul>
            {active.map((f) => (
              <li key={`${f.fault} ${f.target}`} data-testid={`active-fault-${f.fault}`}>
                <span className="fault-badge">⚠ {label(f.fault)}{f.value !== undefined ? ` ${faultValueText(f.fault, f.value)}` : ''}</span>
                <span className="active-target">{targetLabel(f.fault, f.target, clusters)}</span>
                <button type="button" className="link-button" onClick={() => void setFault(f.fault, f.target, false)}>{t('faults.switchOff')}</button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ul className="fault-list">
        {FAULTS.map((f) => <FaultRow key={f.id} fault={f} />)}
      </ul>
    </section>
  );
}
