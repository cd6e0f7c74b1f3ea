export { ipcChannels, ipcEvents, type IpcMethod } from './channels';
export * from './contract';
