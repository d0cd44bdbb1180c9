/**
 * The whole API of a running app: the open lab's requests (lab-api, asked of whichever lab is
 * open at the moment), plus File > New / Open / Save, the scenario library played step by step,
 * and the troubleshooter. Events follow the open lab: when another replaces it, the bindings are
 * told (`lab.replaced`) and the new lab's events flow from then on.
 */
import type { ScenarioState } from '../../shared/api/file-contract';
import { forwardEvents, labHandlers, type ApiBinding, type AppRequestHandlers } from './lab-api';
import type { LabSession } from './lab-session';
import { ScenarioDesk } from './scenario-desk';
import { troubleshoot } from './troubleshooter';

export interface SessionApi extends ApiBinding {
  /** Every request but the desktop shell's (which the shell adds for its windows). */
  handlers: AppRequestHandlers;
}

/** `desk` plays the scenarios of the library (the entry point knows where the app's resources are). */
export function sessionApi(session: LabSession, desk: ScenarioDesk): SessionApi {
  const handlers: AppRequestHandlers = {
    ...labHandlers(() => session.lab),
    'file.current': () => session.info(),
    'file.new': ({ kind }) => session.newLab(kind),
    'file.open': (source) => session.openFile(source.path !== undefined ? { path: source.path } : { text: source.text!, ...(source.fileName ? { fileName: source.fileName } : {}) }),
    'file.save': ({ path, download }) => session.save(path, download),
    'file.validate': ({ text, fileName }) => desk.validate(text, fileName),
    'scenario.list': () => ({ scenarios: desk.library() }),
    'scenario.open': (source) => desk.open(source.id !== undefined ? { id: source.id } : { text: source.text!, fileName: source.fileName ?? 'scenario' }),
    'scenario.state': () => ({ scenario: desk.state() }),
    'scenario.play': ({ all }) => desk.play(all),
    'scenario.close': () => {
      desk.close();
      return {};
    },
    'lab.troubleshoot': ({ code }) => troubleshoot(session.lab, code, desk.library()),
  };
  return {
    handlers,
    forward(sink) {
      let stopLab = forwardEvents(session.lab, sink);
      const offReplaced = session.onReplaced((lab, info) => {
        stopLab();
        stopLab = forwardEvents(lab, sink);
        sink('lab.replaced', info);
      });
      const offProgress = desk.onProgress((state: ScenarioState) => sink('scenario.progress', state));
      return () => {
        stopLab();
        offReplaced();
        offProgress();
      };
    },
  };
}
