// The tension-streams dashboard: polls the app's JSON API and redraws; no build step, no CDN.
(function () {
  const REFRESH_MS = 3000;
  const TOP_PAIRS = 5;
  const COLORS = ['#b3261e', '#1a73e8', '#188038', '#e37400', '#9334e6'];
  let selectedPair = null;
  let trendChart = null;
  let themesChart = null;

  const windowSize = () => document.getElementById('window-size').value;

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store' });
    if (!response.ok) { throw new Error(path + ' answered ' + response.status); }
    return response.json();
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function highlight(text, words) {
    let html = escapeHtml(text);
    for (const word of words) {
      const safe = escapeHtml(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      html = html.replace(new RegExp(safe, 'gi'), match => '<mark>' + match + '</mark>');
    }
    return html;
  }

  const signed = value => (value > 0 ? '+' : '') + value.toFixed(1);
  const percent = share => (100 * share).toFixed(1) + '%';

  function renderPairs(pairs) {
    const body = document.querySelector('#pairs-table tbody');
    body.innerHTML = '';
    for (const pair of pairs) {
      const window = pair.windows[windowSize()] || Object.values(pair.windows)[0];
      const row = document.createElement('tr');
      row.dataset.pair = pair.pair;
      row.className = pair.pair === selectedPair ? 'selected' : '';
      row.innerHTML = '<td>' + escapeHtml(pair.pair) + '</td><td>' + window.index.toFixed(1) + '</td><td>'
        + signed(window.intensity || 0) + '</td><td>' + percent(window.attentionShare || 0) + '</td><td>' + window.articles
        + '</td><td>' + escapeHtml(window.windowStart.substring(0, 16).replace('T', ' ')) + '</td>';
      row.addEventListener('click', () => { selectedPair = pair.pair; refresh(); });
      body.appendChild(row);
    }
  }

  /**
   * Intensity (solid, left axis, -100..+100) and attention share (dashed, right axis) of the top pairs.
   * Straight lines between windows: a smoothed curve would overshoot the data and dip below what was measured.
   */
  async function renderTrend(pairs) {
    const top = pairs.slice(0, TOP_PAIRS);
    const series = await Promise.all(top.map(p => getJson('/api/pairs/' + p.pair + '/scores?window=' + windowSize())));
    const labels = [...new Set(series.flat().map(s => s.windowStart))].sort();
    const line = (label, i, values, axis, dashed) => ({
      label: label, data: labels.map(l => values.has(l) ? values.get(l) : null), yAxisID: axis, borderColor: COLORS[i % COLORS.length],
      backgroundColor: COLORS[i % COLORS.length], borderDash: dashed ? [6, 4] : [], spanGaps: true, tension: 0, pointRadius: 3 });
    const datasets = top.flatMap((p, i) => [
      line(p.pair + ' intensity', i, new Map(series[i].map(s => [s.windowStart, s.intensity || 0])), 'intensity', false),
      line(p.pair + ' attention', i, new Map(series[i].map(s => [s.windowStart, 100 * (s.attentionShare || 0)])), 'attention', true)
    ]);
    const shortLabels = labels.map(l => l.substring(0, 16).replace('T', ' '));
    if (!trendChart) {
      trendChart = new Chart(document.getElementById('trend-chart'), {
        type: 'line', data: { labels: shortLabels, datasets: datasets },
        options: { animation: false, scales: {
          intensity: { type: 'linear', position: 'left', min: -100, max: 100,
            title: { display: true, text: 'intensity (-100 cooperation, +100 conflict)' } },
          attention: { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false },
            title: { display: true, text: 'attention share of the window, %' } } } }
      });
    } else {
      trendChart.data.labels = shortLabels;
      trendChart.data.datasets = datasets;
      trendChart.update();
    }
  }

  function renderThemes(pairs) {
    const pair = pairs.find(p => p.pair === selectedPair) || pairs[0];
    if (!pair) { return; }
    selectedPair = pair.pair;
    document.getElementById('selected-pair').textContent = pair.pair;
    const window = pair.windows[windowSize()] || Object.values(pair.windows)[0];
    const labels = window.themes.map(t => t.theme);
    // Substantive articles and passing mentions are shown apart: a theme named in passing is not what the pair is about.
    const datasets = [
      { label: 'articles about it', data: window.themes.map(t => t.articles), backgroundColor: '#1a73e8' },
      { label: 'articles mentioning it', data: window.themes.map(t => t.mentions || 0), backgroundColor: '#a8c7fa' }
    ];
    if (!themesChart) {
      themesChart = new Chart(document.getElementById('themes-chart'), {
        type: 'bar', data: { labels: labels, datasets: datasets },
        options: { animation: false, indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    } else {
      themesChart.data.labels = labels;
      themesChart.data.datasets = datasets;
      themesChart.update();
    }
  }

  function renderAlerts(alerts) {
    const list = document.getElementById('alerts');
    list.innerHTML = alerts.length ? '' : '<li class="empty">No alerts yet.</li>';
    for (const alert of alerts) {
      const item = document.createElement('li');
      item.className = 'alert';
      item.innerHTML = '<strong>' + escapeHtml(alert.pair) + '</strong> ' + escapeHtml(alert.reason) + ': index '
        + alert.index.toFixed(1) + ', intensity ' + signed(alert.intensity || 0) + ', attention ' + percent(alert.attentionShare || 0)
        + ' (baseline ' + alert.baselineMean.toFixed(alert.reason === 'attention-jump' ? 3 : 1) + ') in the ' + escapeHtml(alert.windowSize)
        + ' window from ' + escapeHtml(alert.windowStart.substring(0, 16).replace('T', ' ')) + ' '
        + alert.themes.map(t => '<span class="tag">' + escapeHtml(t) + '</span>').join('');
      list.appendChild(item);
    }
  }

  /** Themes the article refers to without being about them (older records have no mentions). */
  function passingMentions(article) {
    const themes = new Set(article.themes.map(t => t.theme));
    return (article.mentions || []).filter(t => !themes.has(t.theme));
  }

  function renderArticles(articles) {
    const list = document.getElementById('articles');
    list.innerHTML = '';
    for (const article of articles.slice(0, 30)) {
      const evidence = article.themes.flatMap(t => t.evidence);
      const item = document.createElement('li');
      item.className = 'article';
      item.innerHTML = '<span class="' + escapeHtml(article.direction) + '">●</span> ' + highlight(article.title, evidence)
        + (article.duplicateOf ? ' <span class="tag">copy of ' + escapeHtml(article.duplicateOf) + '</span>' : '')
        + '<br>' + article.pairs.map(p => '<span class="tag">' + escapeHtml(p) + '</span>').join('')
        + article.themes.map(t => '<span class="tag">' + escapeHtml(t.theme) + '</span>').join('')
        + passingMentions(article).map(t => '<span class="tag mention" title="mentioned in passing">'
          + escapeHtml(t.theme) + '</span>').join('')
        + evidence.slice(0, 6).map(e => '<mark>' + escapeHtml(e) + '</mark>').join(' ');
      list.appendChild(item);
    }
  }

  async function refresh() {
    const status = document.getElementById('status');
    try {
      const [pairs, alerts, articles] = await Promise.all([getJson('/api/pairs'), getJson('/api/alerts'), getJson('/api/articles')]);
      renderPairs(pairs);
      renderThemes(pairs);
      await renderTrend(pairs);
      renderAlerts(alerts);
      renderArticles(articles);
      status.textContent = 'updated ' + new Date().toLocaleTimeString() + ' · ' + pairs.length + ' pairs';
      document.body.dataset.ready = pairs.length > 0 ? 'true' : 'false';
    } catch (error) {
      status.textContent = 'waiting for the app: ' + error.message;
    }
  }

  document.getElementById('window-size').addEventListener('change', refresh);
  refresh();
  setInterval(refresh, REFRESH_MS);
})();
