// Chart.js (served from /lib/chartjs, ADR 0031) behind two calls Blazor makes through an IJSObjectReference
// (TrendChart.razor): draw a grouped bar chart of percentages on a canvas, and dispose of it. The numbers are also in the
// table beside the chart, which is what screen readers and tests read.

const charts = new WeakMap();
let library;

function loadLibrary(src) {
  library ??= window.Chart ? Promise.resolve() : new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => { library = undefined; reject(new Error(`Could not load ${src}`)); };
    document.head.appendChild(script);
  });
  return library;
}

// data: { labels: ["Jan 2027", ...], series: [{ name: "Operations Division", values: [100, null, ...] }, ...] }
export async function draw(canvas, src, data) {
  await loadLibrary(src);
  charts.get(canvas)?.destroy();
  const chart = new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.series.map((s) => ({ label: s.name, data: s.values, borderRadius: 3, maxBarThickness: 36 })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
      plugins: {
        legend: { position: "bottom" },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.y}%` } },
      },
    },
  });
  charts.set(canvas, chart);
  canvas.dataset.chartDrawn = String(data.labels.length);
}

export function dispose(canvas) {
  charts.get(canvas)?.destroy();
  charts.delete(canvas);
}
