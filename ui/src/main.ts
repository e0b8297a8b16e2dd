import { mount } from 'svelte';
import { isTauri } from '@tauri-apps/api/core';
import App from './App.svelte';
import type { Backend } from './lib/backend';
import { FakeBackend, fakeOptionsFromQuery } from './lib/fakeBackend';
import { TauriBackend } from './lib/tauriBackend';
import './app.css';

// Inside the Turnus window the core answers over IPC; in a plain browser (UI tests, working on
// the UI alone) the in-memory fake answers instead. The address can make the fake fail, so the
// error path is tested too.
const backend: Backend = isTauri()
  ? new TauriBackend()
  : new FakeBackend(fakeOptionsFromQuery(window.location.search));

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target, props: { backend } });
