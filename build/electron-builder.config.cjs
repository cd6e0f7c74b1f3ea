// electron-builder configuration: Linux AppImage/deb, Windows NSIS, macOS dmg, with hardened
// Electron fuses (no ELECTRON_RUN_AS_NODE, no --inspect, cookies encrypted, asar integrity
// checked, the app loaded only from its asar).
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'fr.cadran.desktop',
  productName: 'Cadran',
  directories: { output: 'dist/packages', buildResources: 'resources' },
  files: ['dist/electron/**', 'dist/renderer/**', 'resources/**', 'package.json'],
  asar: true,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Office', icon: 'resources/icon.svg' },
  win: { target: 'nsis' },
  mac: { target: 'dmg', category: 'public.app-category.business', hardenedRuntime: true },
};
