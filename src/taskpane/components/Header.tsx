import { Badge, Button, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneLocale } from '../i18n';
import { NARROW_PANE } from '../theme';
import { useText } from './useText';

const useStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    [NARROW_PANE]: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  // Wraps at 200 % zoom rather than pushing the language buttons out of the pane.
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  // The product name stays one word: a size smaller in a zoomed narrow pane, so it fits.
  title: {
    overflowWrap: 'normal',
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
    flexGrow: 1,
    [NARROW_PANE]: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  },
  subtitle: { color: tokens.colorNeutralForegroundOnBrand, opacity: 0.9 },
  languages: { display: 'flex', columnGap: '2px' },
  language: {
    minWidth: '32px',
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundHover },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundPressed },
  },
  current: { textDecorationLine: 'underline', textUnderlineOffset: '3px' },
  // A Badge is one line of fixed height; this text is a sentence and must wrap in a narrow pane.
  badge: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalXS, height: 'auto', minHeight: '20px', whiteSpace: 'normal', paddingTop: '2px', paddingBottom: '2px' },
});

const LANGUAGES: readonly { locale: PaneLocale; label: string; name: string }[] = [
  { locale: 'sv', label: 'SV', name: 'Svenska' },
  { locale: 'en', label: 'EN', name: 'English' },
];

export interface HeaderProps {
  readonly preview: boolean;
  readonly onLocaleChange: (locale: PaneLocale) => void;
}

export function Header({ preview, onLocaleChange }: HeaderProps) {
  const s = useStyles();
  const { t, locale } = useText();
  return (
    <header className={s.root}>
      <div className={s.top}>
        <Text as="h1" className={s.title}>
          {t.app.title}
        </Text>
        <div className={s.languages} role="group" aria-label={t.app.language}>
          {LANGUAGES.map((l) => (
            <Button
              key={l.locale}
              size="small"
              appearance="transparent"
              className={mergeClasses(s.language, locale === l.locale && s.current)}
              aria-pressed={locale === l.locale}
              // Starts with the visible "SV"/"EN" (WCAG 2.5.3: speech users say what they see), then the language.
              aria-label={`${l.label} – ${l.name}`}
              lang={l.locale}
              onClick={() => onLocaleChange(l.locale)}
            >
              {l.label}
            </Button>
          ))}
        </div>
      </div>
      <Caption1 className={s.subtitle}>
        {t.app.subtitle} · {t.app.agency}
      </Caption1>
      {preview && (
        <Badge className={s.badge} appearance="filled" color="warning" shape="rounded">
          {t.app.previewBadge}
        </Badge>
      )}
    </header>
  );
}
