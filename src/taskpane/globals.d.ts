/** Replaced at build time by webpack's DefinePlugin (see webpack.config.js). */
declare const __APP_VERSION__: string;
/** SupportUrl of manifest.xml, replaced at build time by webpack's DefinePlugin. */
declare const __SUPPORT_URL__: string;
