import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { DocumentObjectStorageSettings } from "#app/utils/env.server";

// Documents' files in S3-compatible object storage (decision 081), through the AWS SDK. Loaded
// only when DOCUMENTS_S3_BUCKET is set (document-storage.server.ts imports it then), so a service
// keeping documents in PostgreSQL never loads the SDK. Only the object operations are here; what
// the rows say and when objects are deleted is document-storage.server.ts's.

/** Where documents' bytes go when they are not kept in PostgreSQL. */
export interface ObjectStore {
  readonly bucket: string;
  /** Writes the object, encrypted at rest. Throws if the store refuses or does not answer. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object's bytes as they arrive; null if there is no such object. Throws if the store does not answer. */
  open(bucket: string, key: string): Promise<Readable | null>;
  /** Deletes the object; one already gone is deleted too. Throws if the store does not answer. */
  delete(bucket: string, key: string): Promise<void>;
}

export function s3ClientFor(settings: DocumentObjectStorageSettings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    // Undefined: the SDK's default chain (environment, shared profile, container or instance role).
    credentials: settings.credentials,
    // Checksums only where S3 requires them: the SDK's default (a CRC32 on every request and
    // response) is not understood by every S3-compatible server; each file's SHA-256, recorded at
    // upload, is checked on every download instead (document-storage.server.ts).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // A store that does not answer refuses the upload or download within seconds, not minutes.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    maxAttempts: 3,
  });
}

export function s3ObjectStore(settings: DocumentObjectStorageSettings, client: S3Client = s3ClientFor(settings)): ObjectStore {
  return {
    bucket: settings.bucket,
    put: async (key, bytes, contentType) => {
      await client.send(
        new PutObjectCommand({
          Bucket: settings.bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: contentType,
          ServerSideEncryption: settings.serverSideEncryption,
          SSEKMSKeyId: settings.kmsKeyId,
        }),
      );
    },
    open: async (bucket, key) => {
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!(Body instanceof Readable)) throw new Error("object storage sent no body");
        return Body;
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    delete: async (bucket, key) => {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
