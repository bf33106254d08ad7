import fs from 'node:fs';
import path from 'node:path';

interface Asset {
  body: Buffer;
  contentType: string;
}

const files: Record<string, () => { file: string; contentType: string }> = {
  // htmx is served from node_modules (never a CDN): the tool works offline and pins its version.
  'htmx.min.js': () => ({
    file: require.resolve('htmx.org/dist/htmx.min.js'),
    contentType: 'text/javascript; charset=utf-8',
  }),
  'support.css': () => ({
    file: path.join(__dirname, '..', 'assets', 'support.css'),
    contentType: 'text/css; charset=utf-8',
  }),
};

const loaded = new Map<string, Asset>();

/** The Support Tool's two static files, read once. */
export function supportAsset(name: string): Asset | undefined {
  if (!Object.hasOwn(files, name)) return undefined;
  const spec = files[name];
  let asset = loaded.get(name);
  if (!asset) {
    const { file, contentType } = spec();
    asset = { body: fs.readFileSync(file), contentType };
    loaded.set(name, asset);
  }
  return asset;
}
