/// <reference types="vite/client" />

/** Injected by the Vite config from package.json. */
declare const __APP_VERSION__: string;
