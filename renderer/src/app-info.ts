/** What Help > About says of the app: its version comes from package.json through the build. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

/** Whether the keyboard's command key is ⌘ (shortcuts and their labels follow it). */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
