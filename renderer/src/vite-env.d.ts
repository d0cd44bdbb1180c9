/// <reference types="vite/client" />

/** package.json's version, written in by the build (vite.config.ts). */
declare const __APP_VERSION__: string;
