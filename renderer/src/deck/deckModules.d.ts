/** The built-in deck's notes and review marks by slide id (electron.vite.config.ts). */
declare module '*.json?extras' {
  const extras: unknown;
  export default extras;
}
