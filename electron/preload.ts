import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '../shared/transport';
import { createBridge } from './preload/bridge';

contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer));
