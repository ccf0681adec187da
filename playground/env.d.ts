/** The example vault, embedded by playground/build.mjs at build time: vault path → file text. */
declare module 'playground:vault' {
  const files: Readonly<Record<string, string>>;
  export default files;
}
