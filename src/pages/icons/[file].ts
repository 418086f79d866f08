/** App icons (/icons/192.png, /icons/512.png) rendered from the favicon with sharp at build time. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { ICON_SIZES } from '../../lib/offline/manifest';

export const getStaticPaths = (() =>
  ICON_SIZES.map((size) => ({
    params: { file: `${size}.png` },
    props: { size },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ size: number }> = async ({ props }) => {
  const svg = await readFile(resolve('public/favicon.svg'));
  // The favicon is drawn on a 32-unit grid: render at the target size, not scaled up.
  const png = await sharp(svg, { density: (72 * props.size) / 32 })
    .resize(props.size, props.size)
    .png()
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
