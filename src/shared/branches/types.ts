/** The office's branches (issue 14; seed 000's الفروع). */

/** What belongs to a branch, counted: a branch with any of these is archived, never deleted. */
export interface BranchUsage {
  numbers: number;
  users: number;
  properties: number;
}

export interface BranchView {
  id: number;
  /** Arabic name. */
  name: string;
  nameEn: string | null;
  city: string | null;
  address: string | null;
  /** E.164. */
  phone: string | null;
  manager: { id: number; name: string } | null;
  archived: boolean;
  usage: BranchUsage;
  createdAt: string;
  updatedAt: string;
}

/** A branch as a picker shows it (numbers, users, properties forms). */
export type BranchOption = Pick<BranchView, 'id' | 'name' | 'nameEn' | 'city' | 'archived'>;
