import { makeStyles, tokens } from '@fluentui/react-components';

/** One colour per status, from the theme's status tokens (so light and dark keep their contrast). */
export const useStatusColors = makeStyles({
  pass: { color: tokens.colorStatusSuccessForeground1 },
  warn: { color: tokens.colorStatusWarningForeground1 },
  fail: { color: tokens.colorStatusDangerForeground1 },
  blocked: { color: tokens.colorNeutralForeground2 },
  unknown: { color: tokens.colorPaletteLavenderForeground2 },
  skip: { color: tokens.colorNeutralForeground3 },
});
