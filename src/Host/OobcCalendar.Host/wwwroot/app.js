// Small helpers the Blazor shell calls through JS interop.
window.oobc = {
  getTheme: () => localStorage.getItem("oobc-theme"),
  setTheme: (value) => localStorage.setItem("oobc-theme", value),
  prefersDark: () => window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches,
  // The visitor's own zone, offered first on a share link's public page (which has no signed-in user to ask).
  browserTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
};
