import type { AiReplyLanguage } from '../../../../shared/ai/types';

/** The one short message a customer gets when the AI hands the conversation to a person. */
export const handoffText: Record<AiReplyLanguage, string> = {
  ar: 'سأحوّلك الآن إلى أحد زملائي في الفريق، وسيتواصل معك قريبًا.',
  en: 'I’m passing you to a member of our team; they’ll reply shortly.',
};
