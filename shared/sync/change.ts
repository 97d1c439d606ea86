// The change record: one field of one record set (or the record deleted) by one device.
// Every local write appends these to the change log; bundles carry them between devices.
import { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);

/** The field name of a tombstone change: value `true` deletes the record for good. */
export const DELETED_FIELD = '_deleted';

/** The collections that take part in sync. */
export const COLLECTIONS = ['activities'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const changeSchema = z.object({
  /** The device that made the change (and whose key signs the bundle that carries it). */
  deviceId: deviceIdSchema,
  /** 1-based, contiguous per device: the receiver finds gaps from these. */
  seq: z.number().int().positive(),
  /** encodeHlc() stamp; last writer wins per field by this, device id breaking ties. */
  hlc: z.string().min(1).max(100),
  collection: z.enum(COLLECTIONS),
  recordId: z.string().min(1).max(100),
  /** A field path of the record (see shared/domain/activity.ts) or DELETED_FIELD. */
  field: z.string().min(1).max(100),
  value: jsonSchema,
  /** The officer (or HQ / team-lead user) id on whose behalf the device made the change. */
  author: z.string().min(1).max(100),
});
export type Change = z.infer<typeof changeSchema>;
