interface ImportMetaEnv {
  /** Full websocket URL of the game server; overrides everything else (e.g. a server on another host). */
  readonly VITE_SERVER_URL?: string;
  /** Port of the game server during `npm run dev`, where the page comes from Vite on another port. */
  readonly VITE_SERVER_PORT?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** A file's text, as Vite's `?raw` import gives it (the facilitator guide's Markdown). */
declare module '*?raw' {
  const text: string;
  export default text;
}
