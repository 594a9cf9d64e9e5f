// The font ships with the app (kiosks have no Japanese system fonts to fall back on): BIZ UDゴシック,
// a universal-design face made for legibility, regular and bold. Vite bundles every unicode-range subset.
import '@fontsource/biz-udgothic/400.css';
import '@fontsource/biz-udgothic/700.css';
import './app/base.css';
import './components/components.css';
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
