/**
 * Child process for the interruption test: scores argv[2] into argv[3] and,
 * once the first chunk is in the temporary file, says so and waits to be
 * interrupted (the parent sends SIGINT).
 */
import { main } from "../../../scripts/score";
import { removeTempFilesOnSignals } from "../../../scripts/io/safe-output";

removeTempFilesOnSignals();
const [input, out] = process.argv.slice(2);
void main(
  [input, "--out", out, "--as-of", "2026-01-01"],
  "2026-01-01",
  { log: () => undefined, error: (s) => process.stderr.write(s + "\n") },
  {
    afterChunk: () =>
      new Promise<void>(() => {
        process.stdout.write("CHUNK WRITTEN\n");
        // never resolves: the run stays interrupted mid-file until the signal arrives
        setInterval(() => undefined, 1000);
      }),
  },
);
