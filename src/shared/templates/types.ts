/** Seed 003's message templates. */

/** The categories seed 003's examples use, and `other` for the rest. */
export const templateCategories = ['greeting', 'appointment', 'property', 'follow_up', 'promotion', 'other'] as const;
export type TemplateCategory = (typeof templateCategories)[number];

export interface TemplateView {
  id: number;
  name: string;
  content: string;
  category: TemplateCategory;
  /** The `{{variable}}` names in the content, each once, in order of first use. */
  variables: string[];
  isActive: boolean;
  usageCount: number;
  createdAt: string;
  updatedAt: string;
}
