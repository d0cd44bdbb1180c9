/**
 * The names of the contract's requests and events, without their schemas, so the desktop preload
 * can generate its bridge without bundling the schema library. contract.ts is typed against these
 * lists, so a name cannot be added to one and not the other.
 */
export const REQUEST_NAMES = [
  'lab.snapshot', 'phone.screen', 'phone.pressKey', 'phone.typeText',
  'admin.list', 'admin.get', 'admin.save', 'admin.delete', 'admin.choices', 'admin.form', 'admin.saveForm', 'admin.validateIsp',
  'admin.serviceActivation', 'admin.setServiceActivation', 'admin.bulkEmcc', 'admin.submitJob', 'admin.jobs', 'admin.updateRemoteClustersNow',
  'pki.certificates', 'pki.regenerate', 'pki.download', 'pki.untrust', 'pki.bulk', 'pki.submit', 'lab.trace',
  'admin.logOutPhone', 'lab.faults', 'lab.setFault', 'lab.setClock', 'lab.schedulers', 'lab.attempts', 'lab.exportTrace',
  'file.current', 'file.new', 'file.open', 'file.save', 'file.validate',
  'scenario.list', 'scenario.open', 'scenario.state', 'scenario.play', 'scenario.close', 'lab.troubleshoot',
  'shell.phoneWindows', 'shell.showPhone', 'shell.showAllPhones', 'shell.tilePhones',
] as const;
export const EVENT_NAMES = ['phone.screen', 'lab.changed', 'admin.changed', 'lab.trace', 'lab.attempt', 'lab.scheduler', 'lab.replaced', 'scenario.progress',
  'shell.phoneWindows', 'shell.menuCommand'] as const;
