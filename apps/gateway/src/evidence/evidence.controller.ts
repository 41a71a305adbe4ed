import {
  Controller,
  Get,
  Head,
  HttpCode,
  HttpStatus,
  Options,
  Param,
  Patch,
  Post,
  Req,
  Res,
  Headers,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { evidenceMetadataProblems, type Actor } from '@enforcement/domain';
import {
  Access,
  AppError,
  CaseNumberPipe,
  createValidationPipe,
  CurrentActor,
  ReadRecordedBy,
} from '@enforcement/platform';
import { CaseCommandClient } from '../recording/case-command.client';
import { RecordingReadApi } from '../recording/recording-read.api';
import { EvidenceMetadataDto } from './evidence.dto';
import { EvidenceUploadProxy } from './evidence-upload.proxy';
import { decodeUploadMetadata } from './upload-metadata';

const validation = createValidationPipe();

/**
 * 音像证据 at the edge (SPEC R5–R7): resumable uploads with the tus 1.0.0 protocol (creation extension), streamed to
 * recording-svc; the case's stored files; verification by re-hashing. Auth, the route rule and the case's unit are
 * checked here before a byte is accepted.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('api/v1')
export class EvidenceController {
  constructor(
    private readonly proxy: EvidenceUploadProxy,
    private readonly cases: CaseCommandClient,
    private readonly reads: RecordingReadApi,
  ) {}

  @Post('evidence/uploads')
  @Access('recording.evidence-upload')
  @ApiOperation({
    summary: '音像上传（创建） — start a resumable tus upload of an AV file (R5, R6)',
    description:
      'tus 1.0.0 creation. Headers: `Tus-Resumable: 1.0.0`, `Upload-Length` (bytes), `Upload-Metadata` with the keys ' +
      'of EvidenceMetadataDto, each value base64 (`interruptions`: a JSON array). Answers 201 with `Location: ' +
      '/api/v1/evidence/uploads/<id>`. Then send the bytes with `PATCH <Location>` (`Content-Type: ' +
      'application/offset+octet-stream`, `Upload-Offset`); after an interruption ask `HEAD <Location>` for ' +
      '`Upload-Offset` and continue from there. The PATCH that completes the file answers `Evidence-Id`, ' +
      '`Evidence-Sha256` and `Evidence-Attached` (the case took it as the record’s AV). 400 names a bad metadata ' +
      'field; 404 when the case or record is not the caller’s unit’s.',
  })
  @ApiHeader({ name: 'Tus-Resumable', required: true, description: '1.0.0' })
  @ApiHeader({ name: 'Upload-Length', required: true, description: 'Size of the whole file in bytes' })
  @ApiHeader({ name: 'Upload-Metadata', required: true, description: 'EvidenceMetadataDto, tus-encoded' })
  @ApiResponse({ status: 201, description: 'Created; `Location` is the upload’s URL' })
  async create(
    @Headers('upload-metadata') header: string | undefined,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const meta = (await validation.transform(decodeUploadMetadata(header), {
      type: 'body',
      metatype: EvidenceMetadataDto,
    })) as EvidenceMetadataDto;
    const problems = evidenceMetadataProblems({
      ...meta,
      interruptions: meta.interruptions ?? [],
      lossReport: meta.lossReport ?? null,
    });
    if (problems.length > 0) {
      const fields = problems.map((p) => p.field).join(', ');
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        {
          zh: `音像文件元数据有误：${problems.map((p) => `${p.field}（${p.zh}）`).join('；')}`,
          en: `These metadata fields are not valid: ${fields} — ${problems.map((p) => p.en).join('; ')}`,
        },
        problems.map((p) => ({ field: p.field, problems: [`${p.zh} / ${p.en}`] })),
      );
    }
    await this.cases.ownCase(meta.caseNumber, actor);
    await this.proxy.forward(req, res, '');
  }

  @Patch('evidence/uploads/:id')
  @Access('recording.evidence-upload')
  @ApiOperation({ summary: '音像上传（续传） — append bytes at `Upload-Offset` (tus PATCH, R6)' })
  @ApiParam({ name: 'id', description: 'The upload id from `Location`' })
  append(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.proxy.forward(req, res, `/${encodeURIComponent(id)}`);
  }

  @Head('evidence/uploads/:id')
  @Access('recording.evidence-upload')
  @ApiOperation({ summary: '音像上传（断点） — how many bytes arrived (`Upload-Offset`), to resume from there' })
  offset(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.proxy.forward(req, res, `/${encodeURIComponent(id)}`);
  }

  @Options('evidence/uploads')
  @Access('recording.evidence-upload')
  @ApiOperation({ summary: 'tus capabilities (`Tus-Version`, `Tus-Extension`, `Tus-Max-Size`)' })
  capabilities(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.proxy.forward(req, res, '');
  }

  @Get('cases/:caseNumber/evidence')
  @ReadRecordedBy('recording-svc', 'GET /cases/:caseNumber/evidence')
  @Access('recording.timeline')
  @ApiOperation({
    summary: '音像文件 — the stored AV files of a case with hash and metadata (R6; each view logged, R8)',
  })
  list(@Param('caseNumber', CaseNumberPipe) caseNumber: string, @Req() req: Request) {
    return this.reads.call('GET', `/cases/${encodeURIComponent(caseNumber)}/evidence`, caller(req));
  }

  @Get('cases/:caseNumber/evidence/verify')
  @ReadRecordedBy('recording-svc', 'GET /cases/:caseNumber/evidence/verify')
  @Access('recording.verify-case')
  @ApiOperation({ summary: 'R7 — re-hash every stored file of a case; names each file altered, missing or unlogged' })
  verifyCase(@Param('caseNumber', CaseNumberPipe) caseNumber: string, @Req() req: Request) {
    return this.reads.call('GET', `/cases/${encodeURIComponent(caseNumber)}/evidence/verify`, caller(req));
  }

  @Get('evidence/files/:id/verify')
  @ReadRecordedBy('recording-svc', 'GET /evidence/files/:id/verify')
  @Access('recording.verify-case')
  @ApiOperation({ summary: 'R7 — re-hash one stored file' })
  verifyFile(@Param('id') id: string, @Req() req: Request) {
    return this.reads.call('GET', `/evidence/files/${encodeURIComponent(id)}/verify`, caller(req));
  }

  @Post('evidence/verify-runs')
  @HttpCode(HttpStatus.ACCEPTED)
  @Access('recording.verify-store')
  @ApiOperation({
    summary: 'R7 — start re-hashing the whole store in the background (one run at a time)',
    description:
      'Answers 202 at once with the run (`id`, `status: running`, `progress`) and `Location: ' +
      '/api/v1/evidence/verify-runs/<id>`; read that until `status` is `finished` (or `failed`). While a run is ' +
      'under way a start answers that run (`started: false`) instead of a second one. Replaces the synchronous ' +
      '`GET /api/v1/evidence/verify`, which re-hashed the store inside one request.',
  })
  @ApiResponse({ status: 202, description: 'The run, new or already running; `Location` is where to read it' })
  async startStoreCheck(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const run = (await this.reads.call('POST', '/evidence/verify-runs', caller(req))) as { id: string };
    res.location(`/api/v1/evidence/verify-runs/${encodeURIComponent(run.id)}`);
    return run;
  }

  @Get('evidence/verify-runs')
  @Access('recording.verify-store')
  @ReadRecordedBy('recording-svc', 'GET /evidence/verify-runs')
  @ApiOperation({ summary: 'R7 — the latest 50 whole-store checks, newest first, with progress or outcome' })
  listStoreChecks(@Req() req: Request) {
    return this.reads.call('GET', '/evidence/verify-runs', caller(req));
  }

  @Get('evidence/verify-runs/:id')
  @Access('recording.verify-store')
  @ReadRecordedBy('recording-svc', 'GET /evidence/verify-runs/:id')
  @ApiOperation({
    summary: 'R7 — one whole-store check: files and bytes checked of the total, then each file or row found altered',
  })
  @ApiParam({ name: 'id', description: 'The run id from the start’s answer or `Location`' })
  readStoreCheck(@Param('id') id: string, @Req() req: Request) {
    return this.reads.call('GET', `/evidence/verify-runs/${encodeURIComponent(id)}`, caller(req));
  }
}

/** The caller's credentials and request id, passed on so recording-svc's own guard and access log apply. */
function caller(req: Request) {
  return { authorization: req.headers.authorization ?? '', requestId: typeof req.id === 'string' ? req.id : undefined };
}
