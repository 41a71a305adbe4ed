import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { caseStepLabels, type Actor, type CaseStep } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';
import { caseDocumentRows } from '../access/case-rows';
import { renderRecordsDocument, type DocumentRow } from '../access/records-export.pdf';
import { canonicalJson } from '../integrity/canonical-json';
import { appendLogEntry } from '../integrity/integrity-log';
import { caseNotFound } from '../integrity/integrity.controller';
import type { EvidenceStore } from '../evidence/evidence.store';
import { LocalEvidenceStore } from '../evidence/local-evidence.store';

/** One file of the bundle: its name inside the bundle, SHA-256 and size. */
export interface BundleFile {
  name: string;
  sha256: string;
  bytes: number;
}

/** The bundle's table of contents; its canonical JSON's SHA-256 is the bundle's hash, logged in the integrity log. */
export interface ArchiveManifest {
  caseNumber: string;
  builtAt: string;
  builtBy: string;
  /** 卷内文件目录: every text record and AV file of the case, in order, with its hash. */
  index: DocumentRow[];
  /** What lies in the bundle's directory: cover, records, and each AV file's bytes as `av/<sha256>`. */
  files: BundleFile[];
  /** False on bundles built before AV bytes were bundled (their AV stayed in the evidence store, listed by hash). */
  avBytesIncluded: boolean;
  /** AV files of the index whose bytes the evidence store does not hold (referenced by hash only), and why. */
  avNotInStore?: { sha256: string; reason: string }[];
}

export interface ArchiveBundle {
  caseNumber: string;
  bundleSha256: string;
  coverSha256: string;
  location: string;
  manifest: ArchiveManifest;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * Builds a case's archive bundle once (SPEC R10): when the case has reached its archiving step (or is archived),
 * writes the cover and case-file index PDF, each record's logged content and the manifest into `<dir>/<case>/`,
 * stores the bundle row and appends the bundle's hash to the integrity log, in one transaction. A second call
 * answers the bundle already built: an archive is never rebuilt.
 */
export async function buildArchiveBundle(
  m: EntityManager,
  dir: string,
  store: EvidenceStore,
  actor: Actor,
  caseNumber: string,
): Promise<ArchiveBundle> {
  const [kase] = await m.query<
    {
      unit_id: string;
      title: string;
      category: string;
      step: CaseStep;
      outcome: string;
      party_name: string | null;
      initiated_at: Date;
      closed_at: Date | null;
    }[]
  >(`select * from cases where case_number = $1 for update`, [caseNumber]);
  if (!kase) throw caseNotFound(caseNumber);
  const existing = await readArchiveBundle(m, caseNumber);
  if (existing) return existing;
  if (kase.step !== 'archiving' && kase.outcome !== 'archived') {
    throw new AppError('ARCHIVE.NOT_READY', HttpStatus.CONFLICT, {
      zh: `案件 ${caseNumber} 尚未结案（当前环节：${caseStepLabels[kase.step]?.zh ?? kase.step}），不能立卷归档`,
      en: `Case ${caseNumber} has not closed (now at ${kase.step}); its file cannot be archived yet`,
    });
  }
  const [{ now }] = await m.query<{ now: Date }[]>(`select now()`);
  const builtAt = now.toISOString();
  const index = await caseDocumentRows(m, caseNumber);
  const cover = await renderRecordsDocument({
    title: '行政执法案卷 · 卷内文件目录',
    heading: [
      `案件编号 Case: ${caseNumber}`,
      `案件名称 Title: ${kase.title}`,
      `执法类别 Category: ${kase.category}    承办机构 Unit: ${kase.unit_id}`,
      `当事人 Party: ${kase.party_name ?? '—'}`,
      `立案 Initiated: ${kase.initiated_at.toISOString()}    结案 Closed: ${kase.closed_at?.toISOString() ?? '—'}`,
      `立卷 Archived by: ${actor.name} (${actor.id})  ${builtAt}`,
      `共 ${index.length} 件 (text records and AV files), each with its SHA-256`,
    ],
    columns: '序号  环节  文件  时间  制作人 / SHA-256',
    rows: index,
    watermark: null,
    footer: `${caseNumber} · 卷内文件目录 · ${builtAt}`,
  });

  const caseDir = join(dir, encodeURIComponent(caseNumber));
  await mkdir(join(caseDir, 'records'), { recursive: true });
  const files: BundleFile[] = [];
  const put = async (name: string, data: Buffer) => {
    await writeFile(join(caseDir, name), data);
    files.push({ name, sha256: sha256(data), bytes: data.length });
  };
  await put('cover-index.pdf', cover);
  const records = await m.query<{ subject: string; entry: string }[]>(
    `select subject, entry from integrity_log where kind = 'record' and case_number = $1 order by idx`,
    [caseNumber],
  );
  for (const r of records) await put(`records/${encodeURIComponent(r.subject)}.json`, Buffer.from(r.entry));
  const av = await bundleAv(m, store, caseDir, caseNumber, index);
  files.push(...av.files);

  const manifest: ArchiveManifest = {
    caseNumber,
    builtAt,
    builtBy: actor.id,
    index,
    files,
    avBytesIncluded: true,
    avNotInStore: av.notInStore,
  };
  const manifestJson = canonicalJson(manifest);
  await writeFile(join(caseDir, 'manifest.json'), manifestJson);
  const bundle: ArchiveBundle = {
    caseNumber,
    bundleSha256: sha256(manifestJson),
    coverSha256: files[0].sha256,
    location: caseDir,
    manifest,
  };
  await m.query(
    `insert into archive_bundles (case_number, bundle_sha256, cover_sha256, manifest, location, built_at, built_by)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [caseNumber, bundle.bundleSha256, bundle.coverSha256, manifestJson, caseDir, builtAt, actor.id],
  );
  await appendLogEntry(m, {
    kind: 'file',
    caseNumber,
    subject: `archive/${caseNumber}#${bundle.bundleSha256}`,
    content: { archiveOf: caseNumber, manifestSha256: bundle.bundleSha256, coverSha256: bundle.coverSha256, builtAt },
  });
  return bundle;
}

const NOT_IN_STORE =
  '证据存储中没有该文件：记录仅以哈希值引用，原件由承办机构另行保存 / not in the evidence store: the record ' +
  'referenced the file by its hash only, and its unit keeps the original';

/**
 * R10 "plus the files": every AV file of the case (each one the index lists, and each one uploaded to it) goes into
 * `av/<sha256>`. From the local store it is a hard link — the same read-only bytes, no gigabytes copied inside the
 * archive's transaction; from another disk or the S3 store it is copied and hashed on the way, and bytes that no
 * longer match their hash stop the archive (R7: an altered file is never archived as the original). An AV file the
 * store does not hold is named in the manifest with the reason.
 */
async function bundleAv(
  m: EntityManager,
  store: EvidenceStore,
  caseDir: string,
  caseNumber: string,
  index: DocumentRow[],
): Promise<{ files: BundleFile[]; notInStore: { sha256: string; reason: string }[] }> {
  const uploaded = await m.query<{ sha256: string }[]>(
    `select distinct sha256 from evidence_files where case_number = $1`,
    [caseNumber],
  );
  const hashes = [
    ...new Set([
      ...index.filter((r) => r.note.startsWith('AV file')).map((r) => r.sha256),
      ...uploaded.map((u) => u.sha256),
    ]),
  ];
  const files: BundleFile[] = [];
  const notInStore: { sha256: string; reason: string }[] = [];
  if (hashes.length > 0) await mkdir(join(caseDir, 'av'), { recursive: true });
  for (const hash of hashes) {
    const name = `av/${hash}`;
    const bytes = await bundleOneAv(store, hash, join(caseDir, name));
    if (bytes === null) notInStore.push({ sha256: hash, reason: NOT_IN_STORE });
    else files.push({ name, sha256: hash, bytes });
  }
  return { files, notInStore };
}

/** One AV file into the bundle; its size, or null when the store does not hold it. */
async function bundleOneAv(store: EvidenceStore, hash: string, target: string): Promise<number | null> {
  if (store instanceof LocalEvidenceStore) {
    try {
      await link(store.pathOf(hash), target);
      return (await stat(target)).size;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      // Built before (a retried archive): content-addressed, so the name already holds these bytes.
      if (code === 'EEXIST') return (await stat(target)).size;
      if (code !== 'EXDEV') throw err;
    }
  }
  const source = await store.open(hash);
  if (source === null) return null;
  const digest = createHash('sha256');
  let bytes = 0;
  await pipeline(
    source,
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        digest.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
    createWriteStream(target, { flush: true }),
  );
  if (digest.digest('hex') !== hash) {
    throw new AppError('ARCHIVE.AV_ALTERED', HttpStatus.CONFLICT, {
      zh: `音像文件 ${hash} 的内容与其哈希值不符，不能归档；请先核验（R7）并报告`,
      en: `The bytes of AV file ${hash} no longer match its hash, so it cannot be archived; verify the case (R7) and report it`,
    });
  }
  return bytes;
}

export async function readArchiveBundle(m: EntityManager, caseNumber: string): Promise<ArchiveBundle | null> {
  const [row] = await m.query<
    { bundle_sha256: string; cover_sha256: string; manifest: ArchiveManifest; location: string }[]
  >(`select bundle_sha256, cover_sha256, manifest, location from archive_bundles where case_number = $1`, [caseNumber]);
  if (!row) return null;
  return {
    caseNumber,
    bundleSha256: row.bundle_sha256,
    coverSha256: row.cover_sha256,
    location: row.location,
    manifest: row.manifest,
  };
}
