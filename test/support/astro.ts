/** Runs `astro build` in a child process with a clean environment. */
import { spawnSync } from 'node:child_process';

/**
 * Vitest exposes Vite's env (BASE_URL, MODE, NODE_ENV=test…) through
 * process.env; a child build must not inherit it, or `import.meta.env.BASE_URL`
 * would be "/" whatever the config says.
 */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key)) continue;
    if (key.startsWith('VITEST') || key.startsWith('VITE_')) continue;
    env[key] = value;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

export function astroBuild(outDir: string, env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir],
    {
      env: cleanEnv(env),
      encoding: 'utf8',
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
