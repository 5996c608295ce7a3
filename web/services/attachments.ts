/**
 * Documents handed in with a dossier (issue 9): the type is detected from the content
 * (magic-bytes.js; the name and the declared type are never trusted: an .exe renamed .pdf is
 * refused), each file and each dossier's current documents are bounded in size, the bytes go to
 * the file store under their SHA-256 and a row records one version of one required document. A
 * replacement adds a version and keeps the earlier ones. Every refusal has one Vietnamese message,
 * per file.
 */
import { filetypeinfo } from 'magic-bytes.js';
import { Attachment, type IAttachment, type IDossier, StagedUpload } from '../../db/entities';
import type { FileStore } from '../../db/file-store';
import type { Orm } from '../../db/orm';
import { holds } from '../../engine/conditions';
import type { ProcedureDefinition } from '../../engine/definition';

/** The types taken, by what the content is. */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/tiff': 'TIFF',
};

export interface AttachmentLimits {
  maxFileBytes: number;
  maxDossierBytes: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxFileBytes: 10 * 1024 * 1024, maxDossierBytes: 50 * 1024 * 1024 };

/** A file as the multipart parser hands it over. */
export interface IncomingFile {
  fieldname: string;
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** How long the files of a counter form that did not go through are kept for it. */
const STAGED_FOR_MS = 24 * 3600_000;

/** The form field of a requirement's file. */
export const uploadField = (requirementId: string) => `doc_${requirementId}`;
const requirementOfField = (field: string) => (field.startsWith('doc_') ? field.slice(4) : undefined);

export interface Requirement {
  id: string;
  name: string;
  required: boolean;
  /** Required only in some cases (requiredWhen). */
  conditional: boolean;
  note?: string;
}

/** A file that passed the checks, ready to store. */
export interface AcceptedFile {
  requirementId: string;
  fileName: string;
  mimeType: string;
  content: Buffer;
}

export interface Uploader {
  kind: 'official' | 'applicant';
  id?: string;
  name: string;
}

export interface VersionView {
  id: number;
  version: number;
  fileName: string;
  mimeType: string;
  size: number;
  contentHash: string;
  uploadedByName: string;
  uploadedByKind: 'official' | 'applicant';
  uploadedAt: Date;
}

export interface RequirementDocuments {
  requirement: Requirement;
  /** Newest first. */
  versions: VersionView[];
}

/** A size as people read it: "10 MB", "2,4 KB", "900 byte" (decimal comma, one decimal at most). */
export function formatSize(bytes: number): string {
  const show = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ','));
  if (bytes >= 1024 * 1024) return `${show(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${show(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

/** The name shown for a file: its last path part, printable, at most 200 characters. */
export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f"<>]/g, '').normalize('NFC').trim();
  return (clean || 'tai-lieu').slice(0, 200);
}

/** The type of a content, when it is one of the accepted types. */
export function detectType(content: Buffer): string | undefined {
  const guesses = filetypeinfo(content.subarray(0, 64));
  return guesses.map((g) => g.mime).find((mime): mime is string => !!mime && mime in ACCEPTED_TYPES);
}

/** The documents of a procedure, with whether each is required for these form values. */
export function requirementsOf(definition: ProcedureDefinition, form: Record<string, string>): Requirement[] {
  return definition.documents.map((d) => ({
    id: d.id,
    name: d.name,
    required: d.requiredWhen ? holds(d.requiredWhen, { form }) : d.required,
    conditional: !!d.requiredWhen,
    note: d.note,
  }));
}

export interface CheckedUploads {
  accepted: AcceptedFile[];
  /** By requirement id: why its file was refused. */
  errors: Record<string, string>;
}

export class AttachmentService {
  constructor(
    private readonly orm: Orm,
    readonly store: FileStore,
    readonly limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS,
  ) {}

  /** The accepted types as people read them ("PDF, JPEG, PNG, TIFF"). */
  acceptedTypesLabel(): string {
    return Object.values(ACCEPTED_TYPES).join(', ');
  }

  /**
   * Checks files sent for a procedure's documents: the type by content, the size of each, and
   * the total with what the dossier already holds (`heldBytes`, by requirement: a file replacing a
   * requirement's current version frees that version's size). Empty file inputs are skipped.
   */
  check(files: readonly IncomingFile[], requirements: readonly Requirement[], held: Record<string, number> = {}): CheckedUploads {
    const known = new Map(requirements.map((r) => [r.id, r]));
    const accepted: AcceptedFile[] = [];
    const errors: Record<string, string> = {};
    const sizes = { ...held };
    const total = () => Object.values(sizes).reduce((a, b) => a + b, 0);
    for (const file of files) {
      const requirementId = requirementOfField(file.fieldname);
      const requirement = requirementId ? known.get(requirementId) : undefined;
      if (!requirementId || !requirement) continue; // not a document of this procedure: ignored
      if (!file.size && !file.originalname) continue; // an empty file input
      const name = cleanFileName(file.originalname);
      const label = `Tệp "${name}" (${requirement.name})`;
      if (errors[requirementId] || accepted.some((a) => a.requirementId === requirementId)) {
        errors[requirementId] = `${requirement.name}: chỉ gửi một tệp cho mỗi thành phần hồ sơ (gộp các trang vào một tệp PDF).`;
        continue;
      }
      if (file.size === 0) {
        errors[requirementId] = `${label} rỗng; vui lòng chọn lại tệp.`;
        continue;
      }
      if (file.size > this.limits.maxFileBytes) {
        errors[requirementId] = `${label} có dung lượng ${formatSize(file.size)}, vượt quá giới hạn ${formatSize(this.limits.maxFileBytes)} cho mỗi tệp.`;
        continue;
      }
      const mimeType = detectType(file.buffer);
      if (!mimeType) {
        errors[requirementId] = `${label} không phải tệp PDF hoặc ảnh (JPEG, PNG, TIFF) theo nội dung tệp; hệ thống chỉ nhận ${this.acceptedTypesLabel()}.`;
        continue;
      }
      const before = sizes[requirementId];
      sizes[requirementId] = file.size;
      if (total() > this.limits.maxDossierBytes) {
        if (before === undefined) delete sizes[requirementId];
        else sizes[requirementId] = before;
        errors[requirementId] = `${label}: tổng dung lượng tài liệu của hồ sơ sẽ vượt quá giới hạn ${formatSize(this.limits.maxDossierBytes)}.`;
        continue;
      }
      accepted.push({ requirementId, fileName: name, mimeType, content: file.buffer });
    }
    return { accepted, errors };
  }

  /** The current (newest) version's size of each requirement of a dossier. */
  async heldBytes(dossier: Pick<IDossier, 'id'>): Promise<Record<string, number>> {
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ requirement_id: string; size: number }[]>(
        `select distinct on (requirement_id) requirement_id, size from attachment where dossier_id = ? order by requirement_id, version desc`,
        [dossier.id],
      );
    return Object.fromEntries(rows.map((r) => [r.requirement_id, Number(r.size)]));
  }

  /** Files of a counter form kept under its token, by requirement (a later file replaces an earlier one). */
  async stage(token: string, officialId: number, files: readonly AcceptedFile[]): Promise<void> {
    const em = this.orm.em.fork();
    // Forms abandoned more than a day ago: their rows go (the content stays in the store, by hash).
    await em.nativeDelete(StagedUpload, { createdAt: { $lt: new Date(Date.now() - STAGED_FOR_MS) } });
    for (const file of files) {
      const stored = await this.store.put(file.content);
      await em.nativeDelete(StagedUpload, { token, requirementId: file.requirementId });
      await em.insert(StagedUpload, {
        token,
        officialId,
        requirementId: file.requirementId,
        contentHash: stored.hash,
        size: stored.size,
        mimeType: file.mimeType,
        fileName: file.fileName,
        createdAt: new Date(),
      });
    }
  }

  async staged(token: string, officialId: number): Promise<{ requirementId: string; fileName: string; size: number; mimeType: string }[]> {
    const rows = await this.orm.em.fork().find(StagedUpload, { token, officialId, createdAt: { $gt: new Date(Date.now() - STAGED_FOR_MS) } });
    return rows.map((r) => ({ requirementId: r.requirementId, fileName: r.fileName, size: r.size, mimeType: r.mimeType }));
  }

  /** Moves a counter form's staged files onto the dossier it made (each as version 1). */
  async attachStaged(token: string, officialId: number, dossier: IDossier, requirements: readonly Requirement[], uploader: Uploader): Promise<void> {
    const em = this.orm.em.fork();
    const rows = await em.find(StagedUpload, { token, officialId });
    const names = new Map(requirements.map((r) => [r.id, r.name]));
    for (const row of rows) {
      const exists = await em.count(Attachment, { dossier: dossier.id, requirementId: row.requirementId });
      if (!exists) {
        await em.insert(Attachment, {
          dossier: dossier.id,
          requirementId: row.requirementId,
          title: names.get(row.requirementId) ?? row.requirementId,
          version: 1,
          replaces: null,
          contentHash: row.contentHash,
          size: row.size,
          mimeType: row.mimeType,
          fileName: row.fileName,
          uploadedByKind: uploader.kind,
          uploadedById: uploader.id ?? null,
          uploadedByName: uploader.name,
          uploadedAt: new Date(),
        });
      }
    }
    await em.nativeDelete(StagedUpload, { token, officialId });
  }

  /** Adds each file as the next version of its requirement (the earlier versions stay). */
  async add(dossier: IDossier, files: readonly AcceptedFile[], requirements: readonly Requirement[], uploader: Uploader): Promise<IAttachment[]> {
    const names = new Map(requirements.map((r) => [r.id, r.name]));
    const added: IAttachment[] = [];
    for (const file of files) {
      const stored = await this.store.put(file.content);
      const em = this.orm.em.fork();
      const row = await em.transactional(async (tx) => {
        const current = await tx.findOne(Attachment, { dossier: dossier.id, requirementId: file.requirementId }, { orderBy: { version: 'desc' } });
        // The same content again is not a new version.
        if (current && current.contentHash === stored.hash) return current;
        return tx.create(Attachment, {
          dossier: dossier.id,
          requirementId: file.requirementId,
          title: names.get(file.requirementId) ?? file.requirementId,
          version: (current?.version ?? 0) + 1,
          replaces: current?.id ?? null,
          contentHash: stored.hash,
          size: stored.size,
          mimeType: file.mimeType,
          fileName: file.fileName,
          uploadedByKind: uploader.kind,
          uploadedById: uploader.id ?? null,
          uploadedByName: uploader.name,
          uploadedAt: new Date(),
        });
      });
      added.push(row);
    }
    return added;
  }

  /** A dossier's documents by requirement, in the procedure's order, each with its versions newest first. */
  async documentsOf(dossier: IDossier, requirements: readonly Requirement[]): Promise<RequirementDocuments[]> {
    const rows = await this.orm.em.fork().find(Attachment, { dossier: dossier.id }, { orderBy: { requirementId: 'asc', version: 'desc' } });
    const view = (r: IAttachment): VersionView => ({
      id: r.id,
      version: r.version,
      fileName: r.fileName,
      mimeType: r.mimeType,
      size: r.size,
      contentHash: r.contentHash,
      uploadedByName: r.uploadedByName,
      uploadedByKind: r.uploadedByKind,
      uploadedAt: r.uploadedAt,
    });
    const listed = requirements.map((requirement) => ({ requirement, versions: rows.filter((r) => r.requirementId === requirement.id).map(view) }));
    // Documents of a requirement the procedure no longer lists are still shown.
    const others = [...new Set(rows.map((r) => r.requirementId))].filter((id) => !requirements.some((q) => q.id === id));
    for (const id of others) {
      const versions = rows.filter((r) => r.requirementId === id);
      listed.push({ requirement: { id, name: versions[0].title, required: false, conditional: false }, versions: versions.map(view) });
    }
    return listed;
  }

  /** One version of a dossier's document with its content; undefined when it is not this dossier's. */
  async open(dossier: IDossier, id: number): Promise<{ row: IAttachment; content: Buffer } | undefined> {
    const row = await this.orm.em.fork().findOne(Attachment, { id, dossier: dossier.id });
    if (!row) return undefined;
    const content = await this.store.get(row.contentHash);
    return content ? { row, content } : undefined;
  }
}
