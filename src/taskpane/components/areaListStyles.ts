import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The per-area result list both result views show (Infosäkkollen levels, It-säkkollen values): name
 * beside the value, or above it in a very narrow pane; never squeezed or cut off.
 */
export const useAreaListStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  area: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    rowGap: '2px',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    fontSize: tokens.fontSizeBase200,
    ':last-child': { borderBottom: 'none' },
  },
  areaName: { display: 'flex', flexDirection: 'column', flex: '1 1 120px', minWidth: 0 },
  // The meter above its value text: a narrow column, so long area names get the width.
  areaMeter: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', rowGap: '2px', marginLeft: 'auto' },
  areaValue: { textAlign: 'right', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});
