import { render } from 'preact';
import '@/components/ui.css';
import { clockReady } from '@/lib/clock';
import { App } from './App';

// "Today" and every countdown come from the extension's one clock (lib/clock.ts): one storage read.
void clockReady().then(() => render(<App />, document.getElementById('app')!));
