/**
 * i18next set-up: French by default, English on request; the choice is remembered on the device.
 * Formatting of dates, times, durations and money goes through `shared/format`, bound to the
 * current language by `useFormat`.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import * as format from '../../shared/format';
import type { Locale } from '../../shared/format';
import { en } from './en';
import { fr } from './fr';

export const LOCALES = ['fr', 'en'] as const satisfies readonly Locale[];
const STORAGE_KEY = 'cadran.locale';

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

/**
 * Each feature keeps its words beside its code in `features/<name>/messages.ts`
 * (`export const messages = { fr: {…}, en: {…} }`), loaded here as the namespace `<name>`:
 * `useTranslation('tickets')`. The shell's own words are the default namespace.
 */
type MessageTree = { [key: string]: string | MessageTree };
const featureModules = import.meta.glob<{ messages: { fr: MessageTree; en: MessageTree } }>(
  '../features/*/messages.ts',
  {
    eager: true,
  },
);
export const featureMessages: Record<string, { fr: MessageTree; en: MessageTree }> = Object.fromEntries(
  Object.entries(featureModules).map(([path, module]) => [path.split('/').at(-2) ?? path, module.messages]),
);

function resourcesFor(locale: Locale, core: MessageTree) {
  const resources: Record<string, MessageTree> = { translation: core };
  for (const [namespace, messages] of Object.entries(featureMessages)) resources[namespace] = messages[locale];
  return resources;
}

export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: storedLocale(),
  fallbackLng: 'fr',
  resources: { fr: resourcesFor('fr', fr), en: resourcesFor('en', en) },
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});

export function setLocale(locale: Locale): void {
  void i18n.changeLanguage(locale);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or no storage: the choice lasts for this session only.
  }
  document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'fr';
}

/** The shared formatters bound to the UI language. */
export function useFormat() {
  const { i18n: instance } = useTranslation();
  const locale: Locale = instance.language === 'en' ? 'en' : 'fr';
  return useMemo(
    () => ({
      locale,
      time: (v: Date | string | number) => format.formatTime(v, locale),
      date: (v: Date | string | number) => format.formatDate(v, locale),
      dateLong: (v: Date | string | number) => format.formatDateLong(v, locale),
      dateTime: (v: Date | string | number) => format.formatDateTime(v, locale),
      duration: (minutes: number) => format.formatDuration(minutes, locale),
      money: (amount: string) => format.formatMoney(amount, locale),
      number: (n: number, digits = 0) => format.formatNumber(n, locale, digits),
      units: (n: number) => format.formatUnits(n, locale),
      clock: format.formatClock,
    }),
    [locale],
  );
}

export { useTranslation };
