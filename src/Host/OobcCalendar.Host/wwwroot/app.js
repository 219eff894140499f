// Small helpers the Blazor shell calls through JS interop.
window.oobc = {
  getTheme: () => localStorage.getItem("oobc-theme"),
  setTheme: (value) => localStorage.setItem("oobc-theme", value),
  prefersDark: () => window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches,
};
