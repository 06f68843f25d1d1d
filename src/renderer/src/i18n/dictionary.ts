import { ar } from './ar';

export type MessageKey = keyof typeof ar;
/** Every language provides every key: a missing or extra English key fails the typecheck. */
export type Dictionary = Record<MessageKey, string>;
export type Language = 'ar' | 'en';
export const languages: readonly Language[] = ['ar', 'en'];

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ar, key);
}
