/*
 * IBM Plex Sans Arabic ships with the app so it looks the same on every machine. We import
 * the Arabic, Latin and Latin-extended subsets per weight rather than `400.css` & co.: those
 * also pull a ~1.4 KB Cyrillic subset that Vite inlines as a data: URL, which the CSP
 * (`font-src 'self'`) rightly blocks.
 */
import '@fontsource/ibm-plex-sans-arabic/arabic-400.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-500.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-600.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-700.css';
import '@fontsource/ibm-plex-sans-arabic/latin-400.css';
import '@fontsource/ibm-plex-sans-arabic/latin-500.css';
import '@fontsource/ibm-plex-sans-arabic/latin-600.css';
import '@fontsource/ibm-plex-sans-arabic/latin-700.css';
import '@fontsource/ibm-plex-sans-arabic/latin-ext-400.css';
import '@fontsource/ibm-plex-sans-arabic/latin-ext-500.css';
import '@fontsource/ibm-plex-sans-arabic/latin-ext-600.css';
import '@fontsource/ibm-plex-sans-arabic/latin-ext-700.css';

/*
 * Emoji in colour on every machine (Linux often has no emoji font): Noto Color Emoji, split by
 * unicode-range so the browser loads only the pieces a page shows. It comes right after Plex in
 * the font stack (base.css), so letters and digits stay Plex's.
 */
import '@fontsource/noto-color-emoji/400.css';
