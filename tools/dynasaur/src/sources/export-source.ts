import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { DynamoItem, LegacyTableName, UnreadableItem } from '@dailies/legacy';
import { PageStart, Source, SourcePage, TableSource } from './source';

interface ManifestFile {
  itemCount: number;
  md5Checksum: string;
  dataFileS3Key: string;
}

interface ExportPosition {
  file: number;
  line: number;
}

export class ExportIntegrityError extends Error {}

/** Roughly DynamoDB's page size, so that both sources checkpoint at the same grain. */
const PAGE_BYTES = 1 << 20;

/**
 * A DynamoDB "export to S3" copied to a folder: DIR/<table>/AWSDynamoDB/<export-id>/ with
 * manifest-summary.json, manifest-files.json and data/*.json.gz. Every data file is checked
 * against its manifest line (item count and MD5 of the gzipped bytes) as it is read; a mismatch
 * stops the table with an error instead of migrating a damaged export.
 */
export class ExportSource implements Source {
  readonly description: string;

  constructor(private readonly dir: string) {
    this.description = `export:${path.resolve(dir)}`;
  }

  async open(table: LegacyTableName, segments: number): Promise<TableSource> {
    const exportDir = await this.findExport(table);
    const summary = JSON.parse(
      await fs.promises.readFile(path.join(exportDir, 'manifest-summary.json'), 'utf8'),
    ) as { itemCount?: number };
    const manifestText = await fs.promises.readFile(
      path.join(exportDir, 'manifest-files.json'),
      'utf8',
    );
    const files = manifestText
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as ManifestFile)
      .sort((a, b) => a.dataFileS3Key.localeCompare(b.dataFileS3Key));
    // dataFileS3Key is relative to the bucket: AWSDynamoDB/<id>/data/<file>.
    const root = path.dirname(path.dirname(exportDir));
    const bySegment: ManifestFile[][] = Array.from({ length: segments }, () => []);
    files.forEach((f, i) => bySegment[i % segments].push(f));
    const totalItems =
      typeof summary.itemCount === 'number'
        ? summary.itemCount
        : files.reduce((n, f) => n + f.itemCount, 0);
    return {
      segments,
      totalItems,
      pages: (segment, from) =>
        readSegment(root, bySegment[segment] ?? [], from as ExportPosition | null),
    };
  }

  private async findExport(table: LegacyTableName): Promise<string> {
    const base = path.join(this.dir, table, 'AWSDynamoDB');
    let ids: string[];
    try {
      ids = (await fs.promises.readdir(base, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch {
      throw new Error(`no export of table ${table} under ${base}`);
    }
    const candidates: { dir: string; time: string }[] = [];
    for (const id of ids) {
      const dir = path.join(base, id);
      try {
        const summary = JSON.parse(
          await fs.promises.readFile(path.join(dir, 'manifest-summary.json'), 'utf8'),
        ) as { exportTime?: string };
        candidates.push({ dir, time: summary.exportTime ?? '' });
      } catch {
        // not a finished export (no summary yet)
      }
    }
    if (candidates.length === 0)
      throw new Error(`no finished export of table ${table} under ${base}`);
    // Several exports of one table: the newest is the one to migrate.
    candidates.sort((a, b) => b.time.localeCompare(a.time));
    return candidates[0].dir;
  }

  async close(): Promise<void> {
    // nothing held open between pages
  }
}

async function* readSegment(
  root: string,
  files: ManifestFile[],
  from: ExportPosition | null,
): AsyncGenerator<SourcePage> {
  const start = from ?? { file: 0, line: 0 };
  for (let index = start.file; index < files.length; index++) {
    const skip = index === start.file ? start.line : 0;
    const nextFile: PageStart | null =
      index + 1 < files.length ? { file: index + 1, line: 0 } : null;
    yield* readFile(root, files[index], index, skip, nextFile);
  }
}

async function* readFile(
  root: string,
  manifest: ManifestFile,
  index: number,
  skip: number,
  nextFile: PageStart | null,
): AsyncGenerator<SourcePage> {
  const file = path.join(root, manifest.dataFileS3Key);
  const md5 = crypto.createHash('md5');
  // Hash the compressed bytes inside the pipeline (a 'data' listener on the file stream would
  // switch it to flowing mode and read the whole file into memory, ignoring backpressure).
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      md5.update(chunk);
      done(null, chunk);
    },
  });
  // 256 KB chunks (the defaults are 64 KB read, 16 KB inflated): fewer callbacks per megabyte.
  const gunzip = fs
    .createReadStream(file, { highWaterMark: 1 << 18 })
    .pipe(hashing)
    .pipe(zlib.createGunzip({ chunkSize: 1 << 18 }));
  const decoder = new StringDecoder('utf8');
  let line = 0;
  let pageStart = skip;
  let items: (DynamoItem | UnreadableItem)[] = [];
  let bytes: number[] = [];
  let pageBytes = 0;
  let rest = '';
  async function* lines(): AsyncGenerator<string> {
    // Async iteration of the stream pulls one chunk at a time: memory stays at a chunk or two.
    for await (const chunk of gunzip) {
      const text = rest + decoder.write(chunk as Buffer);
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    rest += decoder.end();
    if (rest) yield rest;
  }
  for await (const text of lines()) {
    if (!text.trim()) continue;
    const at = line++;
    if (at < skip) continue; // committed before a restart: re-read, not re-processed
    let item: DynamoItem | UnreadableItem;
    try {
      item = (JSON.parse(text) as { Item: DynamoItem }).Item;
    } catch {
      item = new UnreadableItem(text);
    }
    items.push(item);
    bytes.push(text.length);
    pageBytes += text.length;
    if (pageBytes >= PAGE_BYTES) {
      yield { items, bytes, start: { file: index, line: pageStart }, next: { file: index, line } };
      pageStart = line;
      items = [];
      bytes = [];
      pageBytes = 0;
    }
  }
  const digest = md5.digest('base64');
  if (line !== manifest.itemCount) {
    throw new ExportIntegrityError(
      `${manifest.dataFileS3Key}: ${line} items, the manifest says ${manifest.itemCount}`,
    );
  }
  if (digest !== manifest.md5Checksum) {
    throw new ExportIntegrityError(
      `${manifest.dataFileS3Key}: MD5 ${digest}, the manifest says ${manifest.md5Checksum}`,
    );
  }
  yield { items, bytes, start: { file: index, line: pageStart }, next: nextFile };
}
