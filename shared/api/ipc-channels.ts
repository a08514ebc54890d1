/**
 * The Electron IPC channels besides the API calls (whose channel is the call's name),
 * shared by the main process and the preload so the two cannot drift apart.
 */
export const SHELL_CHANNELS = {
  pickOpen: 'shell:pick-workshop-to-open',
  pickNew: 'shell:pick-new-workshop-path',
  pickExport: 'shell:pick-export-path',
  pickImport: 'shell:pick-import-path',
  setOpenWorkshop: 'shell:set-open-workshop',
  setTheme: 'shell:set-theme',
  menuCommand: 'shell:menu-command',
  openFile: 'shell:open-file',
} as const;
