// Where commands print: the terminal in use, an array in tests.
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Set to 1 when a command fails, like process.exitCode. */
  fail(): void;
}

export const consoleIo: Io = {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  fail: () => { process.exitCode = 1; },
};
