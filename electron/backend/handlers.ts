// The one dispatch table: every operation of shared/api.ts and the area handler that answers it.
// A new area is its handlers' file and one line here.

import type { ApiOp } from '../../shared/api.ts';
import type { AreaHandlers } from './context.ts';
import { importHandlers } from './imports/index.ts';
import { monitoringHandlers } from './monitoring/index.ts';
import { settingsHandlers } from './settings/index.ts';

export const HANDLERS: AreaHandlers<ApiOp> = {
  ...importHandlers,
  ...monitoringHandlers,
  ...settingsHandlers,
};
