import './fonts';
import './styles/base.css';
import './styles/controls.css';
import './styles/forms.css';
import './styles/layout.css';
import './styles/table.css';
import './styles/dialog.css';
import './styles/auth.css';
import './styles/numbers.css';
import './styles/inbox.css';
import './styles/thread.css';
import './styles/message-fidelity.css';
import './styles/contacts.css';
import './styles/templates.css';
import './styles/properties.css';
import './styles/branches.css';
import './styles/activity.css';
import './styles/backups.css';
import './styles/desktop.css';
import './styles/offers.css';
import './styles/invoices.css';
import './styles/automation.css';
import './styles/dashboard.css';
import './styles/ai.css';
import './styles/offline.css';
import './styles/office.css';
import './styles/notifications.css';
import './styles/integrations.css';
import './styles/cloud.css';
import './styles/viewings.css';
// Last: the smaller-screen rules override the pages' own.
import './styles/responsive.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Sets <html lang/dir> from the remembered language before the first paint.
import './i18n/language-store';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
