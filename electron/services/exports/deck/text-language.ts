/**
 * The language to tag a run with, guessed from its script and a few letters. Tagging
 * every run en-US made PowerPoint mark German and French cards as misspelt; a guess from
 * the script is right for Japanese, Arabic, Hebrew, Cyrillic and Greek, and the letters
 * only one language uses among those a European workshop mixes catch most of the rest.
 */
export function languageOf(text: string, fallback = 'en-US'): string {
  if (/[\u3040-\u30ff]/.test(text)) return 'ja-JP';
  if (/[\uac00-\ud7af]/.test(text)) return 'ko-KR';
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh-CN';
  if (/[\u0600-\u06ff]/.test(text)) return 'ar-SA';
  if (/[\u0590-\u05ff]/.test(text)) return 'he-IL';
  if (/[\u0400-\u04ff]/.test(text)) return 'ru-RU';
  if (/[\u0370-\u03ff]/.test(text)) return 'el-GR';
  if (/[äöüß]|\b(der|die|das|und|nicht|wir|ist)\b/i.test(text)) return 'de-DE';
  if (/[éèêçàùœ]|\b(le|la|les|des|est|pour|nous)\b/i.test(text)) return 'fr-FR';
  if (/[ñ¿¡]/.test(text)) return 'es-ES';
  return fallback;
}

/** Text written right to left: the paragraph is laid out RTL so it reads in order. */
export const isRightToLeft = (text: string) => /^[^A-Za-z\u00c0-\u024f]*[\u0590-\u08ff]/.test(text);
