import { spawn } from "node:child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Writable } from "node:stream";
import { OutputExistsError, checkOutput, pendingTempFiles, writeAtomic } from "../../../scripts/io/safe-output";

const root = mkdtempSync(join(tmpdir(), "safe-output-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh folder with an input file in it. */
function folder(): { dir: string; input: string } {
  const dir = join(root, `case${n++}`);
  mkdirSync(dir);
  const input = join(dir, "book.csv");
  writeFileSync(input, "a,b\n1,2\n");
  return { dir, input };
}
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("checkOutput: the output can never be the input", () => {
  it("refuses the input's own path, however it is spelled (./, ../, absolute)", () => {
    const { dir, input } = folder();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(checkOutput(input, "./book.csv", true)).toMatchObject({ kind: "same-file", how: "path" });
      expect(checkOutput(input, `../${relative(join(dir, ".."), input)}`, true)).toMatchObject({ kind: "same-file" });
      expect(checkOutput("book.csv", input, true)).toMatchObject({ kind: "same-file" });
      mkdirSync(join(dir, "sub"));
      expect(checkOutput(input, "sub/../book.csv", true)).toMatchObject({ kind: "same-file" });
    } finally {
      process.chdir(cwd);
    }
  });

  it("refuses a symbolic link to the input, and a path through a linked folder", () => {
    const { dir, input } = folder();
    symlinkSync(input, join(dir, "link.csv"));
    expect(checkOutput(input, join(dir, "link.csv"), true)).toMatchObject({ kind: "same-file", how: "link" });
    symlinkSync(dir, join(root, `linked-folder-${n}`));
    expect(checkOutput(input, join(root, `linked-folder-${n}`, "book.csv"), true)).toMatchObject({ kind: "same-file" });
  });

  it("refuses a hard link to the input (same device and inode)", () => {
    const { dir, input } = folder();
    linkSync(input, join(dir, "hard.csv"));
    expect(checkOutput(input, join(dir, "hard.csv"), true)).toMatchObject({ kind: "same-file", how: "link" });
  });

  it("refuses a name that differs only in letter case (the same file on Windows and macOS)", () => {
    const { dir, input } = folder();
    expect(checkOutput(input, join(dir, "BOOK.csv"), true)).toMatchObject({ kind: "same-file", how: "case" });
    expect(checkOutput(input, join(dir, "Book.CSV"), false)).toMatchObject({ kind: "same-file", how: "case" });
  });

  it("refuses an existing output unless forced, and never the input even when forced", () => {
    const { dir, input } = folder();
    const out = join(dir, "out.csv");
    expect(checkOutput(input, out, false)).toBeNull();
    writeFileSync(out, "old");
    expect(checkOutput(input, out, false)).toEqual({ kind: "exists", out });
    expect(checkOutput(input, out, true)).toBeNull();
    expect(checkOutput(input, input, true)).toMatchObject({ kind: "same-file" });
  });

  it("treats a dangling symbolic link as an existing name", () => {
    const { dir, input } = folder();
    symlinkSync(join(dir, "nowhere.csv"), join(dir, "dangling.csv"));
    expect(checkOutput(input, join(dir, "dangling.csv"), false)).toMatchObject({ kind: "exists" });
  });

  it("refuses a folder and a missing folder", () => {
    const { dir, input } = folder();
    expect(checkOutput(input, dir, true)).toMatchObject({ kind: "is-folder" });
    expect(checkOutput(input, join(dir, "missing", "out.csv"), true)).toMatchObject({ kind: "no-folder" });
  });
});

describe("writeAtomic: only a complete file ever gets the output's name", () => {
  it("writes the content and leaves no temporary file", async () => {
    const { dir } = folder();
    const out = join(dir, "out.csv");
    await writeAtomic(out, false, async (s) => {
      s.write("hello ");
      s.write("world");
    });
    expect(readFileSync(out, "utf8")).toBe("hello world");
    expect(leftovers(dir)).toEqual([]);
    expect(pendingTempFiles()).toEqual([]);
  });

  it("a writer that fails half-way leaves no output and no temporary file", async () => {
    const { dir } = folder();
    const out = join(dir, "out.csv");
    await expect(
      writeAtomic(out, false, async (s) => {
        s.write("half of the rows\r\n");
        throw new Error("disk unplugged");
      }),
    ).rejects.toThrow("disk unplugged");
    expect(existsSync(out)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it("a failing replacement (--force) keeps the old output intact", async () => {
    const { dir } = folder();
    const out = join(dir, "out.csv");
    writeFileSync(out, "previous result");
    await expect(
      writeAtomic(out, true, async (s) => {
        s.write("new but incomplete");
        throw new Error("interrupted");
      }),
    ).rejects.toThrow("interrupted");
    expect(readFileSync(out, "utf8")).toBe("previous result");
    expect(leftovers(dir)).toEqual([]);
  });

  it("a write error of the stream itself (disk full) fails the write", async () => {
    const { dir } = folder();
    const out = join(dir, "out.csv");
    await expect(
      writeAtomic(out, false, async (s) => {
        s.emit("error", Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }));
      }),
    ).rejects.toThrow("ENOSPC");
    expect(existsSync(out)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it("does not clobber a file that appeared while writing (no --force)", async () => {
    const { dir } = folder();
    const out = join(dir, "out.csv");
    await expect(
      writeAtomic(out, false, async (s: Writable) => {
        s.write("ours");
        writeFileSync(out, "someone else's");
      }),
    ).rejects.toBeInstanceOf(OutputExistsError);
    expect(readFileSync(out, "utf8")).toBe("someone else's");
    expect(leftovers(dir)).toEqual([]);
  });

  it("replaces an existing output with --force", async () => {
    const { dir } = folder();
    const out = join(dir, "out.csv");
    writeFileSync(out, "old");
    await writeAtomic(out, true, async (s) => {
      s.write("new");
    });
    expect(readFileSync(out, "utf8")).toBe("new");
  });

  it("an interrupted run (Ctrl+C) removes its temporary file and writes no output", async () => {
    const { dir, input } = folder();
    const rows = ["Customer,Debt ratio"];
    for (let i = 0; i < 5000; i++) rows.push(`C${i},0.5`);
    writeFileSync(input, rows.join("\n"));
    const out = join(dir, "out.csv");
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "interrupt-child.ts"), input, out], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    // The child prints a line once the first chunk is in its temporary file, then waits.
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        if (String(d).includes("CHUNK WRITTEN")) resolve();
      });
      child.on("exit", () => reject(new Error(`child exited early: ${stderr}`)));
    });
    expect(leftovers(dir)).toHaveLength(1);
    const code = await new Promise<number | null>((resolve) => {
      child.removeAllListeners("exit");
      child.on("exit", (c) => resolve(c));
      child.kill("SIGINT");
    });
    expect(code).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);
});
