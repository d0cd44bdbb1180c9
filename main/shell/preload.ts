/**
 * The preload: exposes the lab API to the page as named methods generated from the contract
 * (`emccLab.phone.pressKey(req)`, `emccLab.onPhoneScreen(cb)`), never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES, REQUEST_NAMES } from '../../shared/api/names';
import { bridgeShape } from '../../shared/api/bridge';

contextBridge.exposeInMainWorld(
  'emccLab',
  bridgeShape(
    [...REQUEST_NAMES],
    [...EVENT_NAMES],
    (name, payload) => ipcRenderer.invoke(`api:${name}`, payload),
    (name, listener) => {
      const wrapped = (_e: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(`event:${name}`, wrapped);
      return () => ipcRenderer.removeListener(`event:${name}`, wrapped);
    },
  ),
);
