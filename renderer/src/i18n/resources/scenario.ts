import type { UiResource } from '../i18n';
import { SCENARIO_NAMESPACE, SCENARIO_TEXT } from '../../../../shared/i18n/scenario-text';

/** A scenario being played: its steps in words and what came of them (the main process says them as keys). */
const resource: UiResource = {
  namespace: SCENARIO_NAMESPACE,
  'en-US': SCENARIO_TEXT['en-US'],
  'zh-CN': SCENARIO_TEXT['zh-CN'],
};
export default resource;
