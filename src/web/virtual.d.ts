// Modules the page's bundler (scripts/build-web.mjs) makes at build time.
declare module 'audit:builtin-rubrics' {
  /** The built-in rubrics: each `<id>/<version>.yaml` text, and dist/rubrics.compiled.json's text. */
  const builtins: { yaml: Record<string, string>; compiled: string };
  export default builtins;
}
declare const AUDIT_VERSION: string;
