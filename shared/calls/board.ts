/**
 * The waiting-room call board (呼び出し表示): what the public display may know. Numbers and room labels
 * only — no names, no birth dates, no insurance data, by construction of these types.
 */
import { z } from '../zod';

export const calledNumberSchema = z.object({
  ticketNumber: z.number().int().min(1).max(99_999),
  roomId: z.string().max(32),
  /** What the display shows, e.g. 第1診察室. */
  roomLabel: z.string().max(40),
  calledAt: z.string().max(40),
  /** How many times it has been called (1 = first call). */
  callCount: z.number().int().min(0),
});
export type CalledNumber = z.infer<typeof calledNumberSchema>;

export const callBoardSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Latest call per room, in room order. */
  nowCalling: z.array(calledNumberSchema).max(20),
  /** Earlier calls not yet done, newest first. */
  recentlyCalled: z.array(calledNumberSchema).max(20),
  /** Waiting numbers in queue order. */
  waiting: z.array(z.number().int().min(1).max(99_999)).max(200),
  /** Sequence of the last call or recall: the display chimes and announces when it grows. */
  announcementSeq: z.number().int().min(0),
  lastAnnouncement: calledNumberSchema.optional(),
});
export type CallBoard = z.infer<typeof callBoardSchema>;

export const EMPTY_BOARD = (day: string): CallBoard => ({
  day,
  nowCalling: [],
  recentlyCalled: [],
  waiting: [],
  announcementSeq: 0,
});
