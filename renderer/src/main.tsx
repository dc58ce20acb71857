// First: the Trusted Types policy must exist before any library touches the DOM.
import './security/trustedTypes';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './app/App';
import { DbProvider } from './db/DbContext';
import { StartupError } from './app/StartupError';
import { installLeaveGuard } from './components/forms/unsavedChanges';
import { detectPlatform, PlatformProvider } from './platform';
import { openSciLedgerDb } from './db/database';
import { getOperatorName } from './db/meta';
import { setCurrentOperator } from './db/tracking';

dayjs.locale('zh-cn');
// Before the router subscribes, so a refused route change never reaches the screen.
installLeaveGuard();

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    // Ask the browser not to evict the ledgers under storage pressure (DESIGN §Data).
    await navigator.storage?.persist?.().catch(() => false);
    const db = await openSciLedgerDb();
    setCurrentOperator((await getOperatorName(db)) ?? '');
    root.render(
      <StrictMode>
        <PlatformProvider platform={detectPlatform()}>
          <DbProvider db={db}>
            <App />
          </DbProvider>
        </PlatformProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<StartupError error={error} />);
  }
}

void start();
