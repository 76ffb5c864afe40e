import { environmentOf, isDarkColor } from '../../src/taskpane/theme';

describe('isDarkColor', () => {
  it.each([
    ['#FFFFFF', false],
    ['#f3f2f1', false],
    ['#1F1F1F', true],
    ['#262626', true],
    ['#0078D4', true],
    ['not a colour', false],
    [undefined, false],
  ])('%s → %s', (color, dark) => expect(isDarkColor(color)).toBe(dark));
});

describe('environmentOf', () => {
  it("follows Office's display language and theme before the browser's", () => {
    expect(environmentOf({ displayLanguage: 'en-US', navigatorLanguage: 'sv-SE', officeBodyBackground: '#262626', prefersDark: false })).toEqual({
      locale: 'en',
      theme: 'dark',
    });
  });

  it('falls back to the browser, and Swedish light by default', () => {
    expect(environmentOf({ navigatorLanguage: 'en-GB', prefersDark: true })).toEqual({ locale: 'en', theme: 'dark' });
    expect(environmentOf({})).toEqual({ locale: 'sv', theme: 'light' });
  });

  it('lets ?lang= and ?theme= override, for testers', () => {
    expect(environmentOf({ displayLanguage: 'sv-SE', search: '?lang=en&theme=dark' })).toEqual({ locale: 'en', theme: 'dark' });
    expect(environmentOf({ navigatorLanguage: 'en-US', search: '?lang=xx' })).toEqual({ locale: 'en', theme: 'light' });
  });
});
