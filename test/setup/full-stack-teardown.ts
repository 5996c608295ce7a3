import fs from 'node:fs';

export default async function fullStackTeardown(): Promise<void> {
  const handles = globalThis.__motcuaFullStack;
  if (!handles) return;
  await handles.temporal?.stop().catch(() => undefined);
  await handles.postgres?.stop().catch(() => undefined);
  fs.rmSync(handles.tmp, { recursive: true, force: true });
}
