export interface ActivityEntry {
  id: number;
  action: string;
  entityType: string | null;
  entityId: number | null;
  /** The target's name when it is a user, a WhatsApp number or a contact (or its phone); other kinds show their type and id. */
  entityName: string | null;
  userId: number | null;
  userName: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}
