import preset from '@wikibot/tooling/jest-preset';
export default { ...preset };
