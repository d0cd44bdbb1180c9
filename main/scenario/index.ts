/**
 * The scenario engine, as the app and the command line use it: read a scenario (from text, a
 * file, or the library), open its lab in a data folder, play it step by step.
 */
export { parseScenario, readScenarioFile, type ScenarioLabSource, type ScenarioRead } from './scenario-file';
export { openScenarioLab, type ScenarioLabOptions } from './scenario-lab';
export { ScenarioRun, type ScenarioRunOptions } from './scenario-run';
export { appRootFrom, libraryDir, listLibrary, readLibrary, readLibraryScenario, summaryOf, type LibraryEntry } from './library';
export { checkFileText, fileKindOf, type FileCheck } from './validate-file';
export { SETTLE_BOUND_MS } from './lab-settle';
