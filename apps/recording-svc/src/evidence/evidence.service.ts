import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { Server, type Upload } from '@tus/server';
import type { DataSource } from 'typeorm';
import {
  caseCommandUpdate,
  caseWorkflowId,
  evidenceAvRef,
  evidenceMetadataFromTus,
  evidenceMetadataProblems,
  evidenceKinds,
  maySeeUnit,
  type Actor,
  type EvidenceMetadata,
} from '@enforcement/domain';
import { TEMPORAL_CLIENT } from '@enforcement/platform';
import { appendLogEntry } from '../integrity/integrity-log';
import { EVIDENCE_CONFIG } from './evidence.tokens';
import type { EvidenceConfig } from './evidence.config';
import { EvidenceDataStore } from './evidence.datastore';
import { EvidenceHasher } from './evidence.hasher';
import { refusal } from './tus-refusal';

/** The path recording-svc serves tus on; the gateway forwards its own `/api/v1/evidence/uploads` here. */
export const EVIDENCE_UPLOADS_PATH = '/evidence/uploads';

type ActorRequest = IncomingMessage & { actor?: Actor };

/** What a completed upload became: a stored file of the case (SPEC R6) in the integrity log (R7). */
export interface StoredEvidence {
  id: string;
  sha256: string;
  size: number;
  /** The case accepted it as the record's AV (R5, R6); false with the case's reason when it did not. */
  attached: boolean;
  attachRefusal: string | null;
}

/**
 * Evidence uploads (SPEC R5–R7): a tus server whose creation hook checks the caller's unit and the declared
 * metadata, whose data store stages and hashes the bytes, and whose finish hook stores the file under its hash,
 * logs it (one transaction with its row) and hands it to the case as the record's AV.
 */
@Injectable()
export class EvidenceService {
  private readonly log = new Logger(EvidenceService.name);
  readonly tus: Server;
  readonly datastore: EvidenceDataStore;
  private readonly hasher = new EvidenceHasher();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_CONFIG) readonly config: EvidenceConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {
    this.datastore = new EvidenceDataStore(dataSource, this.hasher, config.stagingDir);
    this.tus = new Server({
      path: EVIDENCE_UPLOADS_PATH,
      datastore: this.datastore,
      relativeLocation: true,
      maxSize: config.maxBytes,
      namingFunction: () => randomUUID(),
      onUploadCreate: async (req, res, upload) => {
        await this.admit(req, upload);
        return res;
      },
      onIncomingRequest: async (req, _res, id) => this.checkOwner(req, id),
      onUploadFinish: async (req, res, upload) => {
        const stored = await this.finish(upload, (req as ActorRequest).actor!);
        return {
          res,
          headers: {
            'Evidence-Id': stored.id,
            'Evidence-Sha256': stored.sha256,
            'Evidence-Attached': String(stored.attached),
          },
        };
      },
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await this.tus.handle(req, res);
  }

  /** Creation: the metadata is complete and sound, the case and record exist and are the caller's unit's. */
  private async admit(req: ActorRequest, upload: Upload): Promise<void> {
    const actor = req.actor!;
    let meta: EvidenceMetadata;
    try {
      meta = evidenceMetadataFromTus(upload.metadata ?? {});
    } catch {
      throw refusal(
        HttpStatus.BAD_REQUEST,
        'REQUEST.VALIDATION_FAILED',
        'interruptions 须为 JSON 数组',
        'interruptions must be a JSON array',
      );
    }
    const absent = (
      ['caseNumber', 'recordId', 'kind', 'officer', 'device', 'startedAt', 'endedAt', 'place'] as const
    ).filter((k) => !meta[k]);
    if (absent.length > 0 || !(evidenceKinds as readonly string[]).includes(meta.kind)) {
      throw refusal(
        HttpStatus.BAD_REQUEST,
        'REQUEST.VALIDATION_FAILED',
        `音像文件元数据缺少：${absent.join('、') || 'kind'}`,
        `evidence metadata lacks: ${absent.join(', ') || 'kind'}`,
      );
    }
    const problems = evidenceMetadataProblems(meta);
    if (problems.length > 0) {
      throw refusal(
        HttpStatus.BAD_REQUEST,
        'REQUEST.VALIDATION_FAILED',
        problems.map((p) => `${p.field}：${p.zh}`).join('；'),
        problems.map((p) => `${p.field}: ${p.en}`).join('; '),
      );
    }
    if (upload.size === undefined) {
      throw refusal(
        HttpStatus.BAD_REQUEST,
        'REQUEST.VALIDATION_FAILED',
        '须声明 Upload-Length',
        'Upload-Length is required',
      );
    }
    const [found] = await this.dataSource.query<{ unit_id: string; record: string | null }[]>(
      `select c.unit_id, r.id as record from cases c left join case_records r on r.case_number = c.case_number and r.id = $2
       where c.case_number = $1`,
      [meta.caseNumber, meta.recordId],
    );
    if (!found || !maySeeUnit(actor, found.unit_id)) {
      throw refusal(
        HttpStatus.NOT_FOUND,
        'CASE.NOT_FOUND',
        `未找到案件 ${meta.caseNumber}`,
        `No case ${meta.caseNumber} was found`,
      );
    }
    if (!found.record) {
      throw refusal(
        HttpStatus.NOT_FOUND,
        'CASE.UNKNOWN_RECORD',
        `案件中没有记录 ${meta.recordId}`,
        `The case has no record ${meta.recordId}`,
      );
    }
    await this.dataSource.query(
      `insert into evidence_uploads (id, case_number, unit_id, record_id, size, metadata, created_by) values ($1, $2, $3, $4, $5, $6, $7)`,
      [upload.id, meta.caseNumber, found.unit_id, meta.recordId, upload.size, upload.metadata ?? {}, actor.id],
    );
  }

  /** Resuming, asking the offset of, or finishing an upload: only its unit (another unit's answers 404, C1). */
  private async checkOwner(req: ActorRequest, id: string): Promise<void> {
    if (req.method === 'POST') return; // a new upload: `admit` checks the case instead
    const [row] = await this.dataSource.query<{ unit_id: string }[]>(
      `select unit_id from evidence_uploads where id::text = $1`,
      [id],
    );
    if (!row || !maySeeUnit(req.actor!, row.unit_id)) {
      throw refusal(HttpStatus.NOT_FOUND, 'EVIDENCE.NOT_FOUND', `未找到上传 ${id}`, `No upload ${id} was found`);
    }
  }

  /** The last byte arrived: hash, store, record, log, hand to the case. Safe to repeat (a retried last PATCH). */
  async finish(upload: Pick<Upload, 'id' | 'size'>, actor: Actor): Promise<StoredEvidence> {
    const [row] = await this.dataSource.query<
      {
        case_number: string;
        unit_id: string;
        record_id: string;
        metadata: Record<string, string>;
        created_by: string;
      }[]
    >(`select case_number, unit_id, record_id, metadata, created_by from evidence_uploads where id = $1`, [upload.id]);
    const size = upload.size!;
    const staged = this.datastore.stagedPath(upload.id);
    const [done] = await this.dataSource.query<{ sha256: string }[]>(
      `select sha256 from evidence_files where id = $1`,
      [upload.id],
    );
    const sha256 = done?.sha256 ?? (await this.hasher.digest(upload.id, staged, size));
    if (!done) await this.config.store.put(sha256, staged, size);
    const meta = evidenceMetadataFromTus(row.metadata);
    await this.dataSource.transaction(async (m) => {
      const [stored] = await m.query<{ stored_at: Date }[]>(
        `insert into evidence_files (id, case_number, unit_id, record_id, sha256, size, store, metadata, uploaded_by, stored_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now()) on conflict (id) do nothing returning stored_at`,
        [
          upload.id,
          row.case_number,
          row.unit_id,
          row.record_id,
          sha256,
          size,
          this.config.store.kind,
          row.metadata,
          row.created_by,
        ],
      );
      if (stored) {
        await appendLogEntry(m, {
          kind: 'file',
          caseNumber: row.case_number,
          subject: `evidence/${upload.id}`,
          content: evidenceLogContent({
            id: upload.id,
            caseNumber: row.case_number,
            recordId: row.record_id,
            sha256,
            size,
            metadata: row.metadata,
            uploadedBy: row.created_by,
            storedAt: stored.stored_at,
          }),
        });
      }
      await m.query(`update evidence_uploads set completed_at = coalesce(completed_at, now()) where id = $1`, [
        upload.id,
      ]);
    });
    const attachRefusal = await this.attach(row.case_number, row.record_id, meta, sha256, upload.id, actor);
    return { id: upload.id, sha256, size, attached: attachRefusal === null, attachRefusal };
  }

  /** The file becomes the record's AV in the case (R5: the step's need; R6: the hand-over deadline is met). */
  private async attach(
    caseNumber: string,
    recordId: string,
    meta: EvidenceMetadata,
    sha256: string,
    uploadId: string,
    actor: Actor,
  ): Promise<string | null> {
    try {
      await this.temporal.workflow.getHandle(caseWorkflowId(caseNumber)).executeUpdate(caseCommandUpdate, {
        args: [{ type: 'attach-av', recordId, files: [evidenceAvRef(meta, sha256)], at: '', by: actor.id }],
        // One hand-over per upload, however often the finish is retried.
        updateId: `evidence:${uploadId}`,
      });
      return null;
    } catch (err) {
      const reason =
        err instanceof WorkflowUpdateFailedError ? (err.cause?.message ?? err.message) : (err as Error).message;
      this.log.warn(`evidence ${uploadId} stored but not attached to ${caseNumber}/${recordId}: ${reason}`);
      return reason;
    }
  }
}

/** The logged form of a stored file (what the verifier compares the row against). */
export function evidenceLogContent(e: {
  id: string;
  caseNumber: string;
  recordId: string;
  sha256: string;
  size: number;
  metadata: Record<string, string>;
  uploadedBy: string;
  storedAt: Date | string;
}): unknown {
  return { ...e, size: Number(e.size), storedAt: new Date(e.storedAt).toISOString() };
}
