// Entry point of the `baton` command (bin/baton runs it with tsx): connects runCli to the
// process's arguments, environment, output streams and signals.
import { runCli } from "./run-cli";

const interrupted = new AbortController();
const interrupt = () => {
  // A second Ctrl-C means now.
  if (interrupted.signal.aborted) process.exit(130);
  interrupted.abort();
};
process.on("SIGINT", interrupt);
process.on("SIGTERM", interrupt);
// `baton task logs <id> | head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));

const code = await runCli(process.argv.slice(2), {
  io: {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    width: process.stdout.isTTY ? process.stdout.columns : undefined,
  },
  env: process.env,
  signal: interrupted.signal,
});
process.exitCode = code;
// Idle keep-alive connections must not hold a finished command open.
setTimeout(() => process.exit(code), 2000).unref();
