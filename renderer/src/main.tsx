// The fonts ship with the app (kiosks have no system fonts to fall back on): BIZ UDゴシック for Japanese,
// Noto Sans (Latin, Vietnamese), Noto Sans SC and KR, regular and bold, declared in ./i18n/fonts.ts after
// the shared stylesheets so that its per-language font stacks apply. Vite bundles every unicode-range subset.
import './app/base.css';
import './components/components.css';
import './i18n/fonts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api';
import { App } from './app/App';
import { preloadGlyphs } from './app/preloadGlyphs';

void preloadGlyphs();
const api = createApi();
document.documentElement.dataset.role = api.role;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
