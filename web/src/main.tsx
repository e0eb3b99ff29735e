// Entry point: styles, languages, and the app.
import { createRoot } from 'react-dom/client';
import './styles/first-screen.css';
import './i18n/i18n';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App />);
