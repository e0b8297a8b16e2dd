import { mount } from 'svelte';
import { isTauri } from '@tauri-apps/api/core';
import App from './App.svelte';
import type { Backend } from './lib/backend';
import { tauriBackend } from './lib/tauriBackend';
import { testBackend, testOptionsFromQuery } from './lib/testBackend';
import './app.css';

// Inside the Turnus window the core answers over IPC. In a plain browser (the browser tests,
// or working on the UI with `ui_test_server`) the same core answers over HTTP from the loopback
// test server; the address can set up its session and answer the file dialogs.
const backend: Backend = isTauri() ? tauriBackend() : testBackend(testOptionsFromQuery(window.location.search));

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target, props: { backend } });
