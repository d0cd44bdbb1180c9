/** Test helpers for the built command line run as a child process. */
import type { ChildProcess } from 'node:child_process';

/** The first line the process prints on stdout (rejects if it exits first). */
export function firstStdoutLine(proc: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    proc.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
}
