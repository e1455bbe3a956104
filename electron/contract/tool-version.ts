// The name and version that captures, reports and `doctor --version` record. The version is
// package.json's, read when the code is built or loaded (Vite bundles only this one field).
import { version } from '../../package.json';

export const TOOL_NAME = 'whfb-doctor';
export const TOOL_VERSION: string = version;
