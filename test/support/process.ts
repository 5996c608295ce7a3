/** Runs one of the project's commands as its own process, for the tests of what operators run. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../config/paths';

export const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Output and exit status of `command`, run from the project root; killed after a minute so a hang fails the test. */
export function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
