// node:sqlite is built into Node 22 (no native module to download) but still announces itself
// as experimental on stderr when first loaded; that one warning would land in the middle of the
// command's output, so it alone is dropped while the module loads.

type SqliteModule = typeof import('node:sqlite');

let loading: Promise<SqliteModule> | undefined;

function isSqliteNotice(warning: string | Error): boolean {
  const text = typeof warning === 'string' ? warning : warning.message;
  return /SQLite is an experimental feature/i.test(text);
}

export function loadSqlite(): Promise<SqliteModule> {
  loading ??= (async () => {
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
      if (!isSqliteNotice(warning)) emitWarning.call(process, warning, ...rest);
    }) as typeof process.emitWarning;
    try {
      return await import('node:sqlite');
    } finally {
      process.emitWarning = emitWarning;
    }
  })();
  return loading;
}
