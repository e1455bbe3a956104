import { type GriffelStyle, tokens } from '@fluentui/react-components';

/** A command or value shown inside a sentence: monospace on a light panel, wrapped anywhere. */
export const INLINE_CODE: GriffelStyle = {
  fontFamily: tokens.fontFamilyMonospace,
  backgroundColor: tokens.colorNeutralBackground3,
  padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  borderRadius: tokens.borderRadiusSmall,
  overflowWrap: 'anywhere',
};
