import { msg } from '../../i18n/message.js';
import { skip, type Check } from './check.js';

export const proxy: Check = {
  id: 'proxy',
  manual: '§2.5',
  run({ facts }) {
    if (facts.offline) return skip(msg('skip.offline', {}));
    return skip(msg('proxy.notYet', {}));
  },
};
