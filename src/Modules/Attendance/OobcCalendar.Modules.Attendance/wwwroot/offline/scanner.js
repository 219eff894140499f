// The offline scanner (ADR 0030). The list for one event occurrence is downloaded and kept in IndexedDB; each scan is
// judged here at once against the ticket hashes (SHA-256, as the server stores them), kept in IndexedDB with its own
// id, and uploaded when the network allows. The server's verdict replaces the local one: it is the judge.
const listId = document.body.dataset.listId;
const api = `/api/attendance/offline/${listId}`;
const ticketPattern = /^T1[A-Za-z0-9_-]{22}$/;
const batchSize = 50; // the server takes at most 100 per upload
const retryEveryMs = 15000;

const $ = id => document.querySelector(`[data-testid="${id}"]`);
const el = {
    title: $('offline-title'), when: $('offline-when'), net: $('net-state'), cache: $('cache-state'),
    queued: $('queued-count'), syncNow: $('sync-now'), form: $('scan-form'), code: $('offline-scan-input'),
    desk: $('offline-desk-name'), camera: $('camera-toggle'), verdict: $('offline-verdict'), empty: $('offline-empty'),
    scans: $('offline-scans'),
};

let token = document.querySelector('meta[name="oobc-antiforgery"]').content;
let list = null; // as downloaded: { title, when, timeZoneId, people: [{ personId, name, unit, ticketHashes, checkedInAt, desk }] }
let scans = []; // this list's scans on this device
let syncing = false;
let shellKept = false;

// ---- IndexedDB: two stores, the lists and the scans (by list) ----
const dbReady = new Promise((resolve, reject) => {
    const open = indexedDB.open('oobc-offline-scanner', 1);
    open.onupgradeneeded = () => {
        open.result.createObjectStore('lists', { keyPath: 'listId' });
        open.result.createObjectStore('scans', { keyPath: 'clientScanId' }).createIndex('listId', 'listId');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
});

async function store(name, mode, work) {
    const db = await dbReady;
    return new Promise((resolve, reject) => {
        const tx = db.transaction(name, mode);
        const request = work(tx.objectStore(name));
        tx.oncomplete = () => resolve(request?.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
    });
}

const saveScan = scan => store('scans', 'readwrite', s => s.put(scan));
const loadScans = () => store('scans', 'readonly', s => s.index('listId').getAll(listId));

// ---- The list ----
async function fetchList() {
    const response = await fetch(`${api}/list`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
        throw await problem(response);
    }

    const body = await response.json();
    token = body.antiforgeryToken;
    list = { ...body.list, listId };
    await store('lists', 'readwrite', s => s.put(list));
    return list;
}

async function problem(response) {
    let message = `The server answered ${response.status}.`;
    try {
        const body = await response.json();
        message = [body.title, body.detail].filter(Boolean).filter((t, i, all) => all.indexOf(t) === i).join(' ') || message;
    } catch {
        // not problem details: keep the status line
    }
    const error = new Error(message);
    error.status = response.status;
    return error;
}

// ---- Judging a scan here ----
async function sha256Hex(text) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('');
}

function time(iso) {
    return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: list?.timeZoneId || undefined }).format(new Date(iso));
}

// When and where a person is already known to be in: the downloaded list, or a scan on this device.
function arrival(person) {
    const here = scans.find(s => s.personId === person.personId && (s.status === 'queued' || s.status === 'checked-in'));
    if (here) {
        return { at: here.scannedAtUtc, desk: here.desk, here: true };
    }
    const elsewhere = scans.find(s => s.personId === person.personId && s.status === 'already-checked-in');
    if (elsewhere) {
        return { at: elsewhere.serverCheckedInAt, desk: elsewhere.serverDesk };
    }
    return person.checkedInAt ? { at: person.checkedInAt, desk: person.desk } : null;
}

async function judge(raw) {
    const code = raw.trim();
    const scan = {
        clientScanId: crypto.randomUUID(), listId, code, desk: deskName(), scannedAtUtc: new Date().toISOString(),
        personId: null, name: null, status: 'queued', message: '',
    };
    if (!ticketPattern.test(code)) {
        scan.status = 'rejected';
        scan.code = null;
        scan.message = code.startsWith('D1.') || code.includes('/attendance/door/')
            ? "That is the door's self check-in code, not a personal ticket."
            : 'That is not a ticket code.';
        return scan;
    }

    const hash = await sha256Hex(code);
    const person = list?.people.find(p => p.ticketHashes.includes(hash));
    if (!person) {
        // A ticket issued after the download, or a forged one: the server decides when it can.
        scan.message = 'Unknown code: not on the list on this device. The server will judge it when online.';
        scan.local = 'unknown';
        return scan;
    }

    scan.personId = person.personId;
    scan.name = person.name;
    const earlier = arrival(person);
    if (earlier) {
        scan.status = 'duplicate';
        scan.code = null;
        scan.message = `Already checked in${earlier.here ? ' here' : ''} at ${time(earlier.at)} (${earlier.desk}).`;
        return scan;
    }

    scan.message = `Checked in${person.unit ? ` (${person.unit})` : ''}.`;
    return scan;
}

async function onCode(raw) {
    if (!raw.trim()) {
        return;
    }
    const scan = await judge(raw);
    await saveScan(scan);
    scans.push(scan);
    showVerdict(scan);
    render();
    sync();
}

// ---- Uploading ----
async function upload(batch, retried = false) {
    const response = await fetch(`${api}/scans`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: token },
        body: JSON.stringify({ scans: batch.map(s => ({ clientScanId: s.clientScanId, code: s.code, desk: s.desk, scannedAtUtc: s.scannedAtUtc })) }),
    });
    if (response.status === 400 && !retried) {
        const error = await problem(response.clone());
        if ((await response.json().catch(() => ({}))).type === 'oobc:antiforgery') {
            await fetchList(); // a fresh token
            return upload(batch, true);
        }
        throw error;
    }
    if (!response.ok) {
        throw await problem(response);
    }
    return (await response.json()).verdicts;
}

async function sync() {
    if (syncing || !navigator.onLine) {
        render();
        return;
    }
    syncing = true;
    render();
    try {
        await fetchList();
        setOnline(true);
        let queued = scans.filter(s => s.status === 'queued').sort((a, b) => a.scannedAtUtc.localeCompare(b.scannedAtUtc));
        while (queued.length > 0) {
            const batch = queued.slice(0, batchSize);
            queued = queued.slice(batchSize);
            for (const verdict of await upload(batch)) {
                const scan = scans.find(s => s.clientScanId === verdict.clientScanId);
                if (!scan) {
                    continue;
                }
                scan.status = verdict.status;
                scan.name = verdict.name ?? scan.name;
                scan.message = withoutName(verdict.message, scan.name);
                scan.serverCheckedInAt = verdict.checkedInAt;
                scan.serverDesk = verdict.desk;
                scan.code = null; // judged: the ticket itself need not stay on this device
                await saveScan(scan);
                if (el.verdict.dataset.scan === scan.clientScanId) {
                    showVerdict(scan);
                }
            }
        }
        el.cache.dataset.error = '';
    } catch (error) {
        if (error instanceof TypeError) {
            setOnline(false); // the network, not the server
        } else {
            el.cache.dataset.error = error.message;
        }
    } finally {
        syncing = false;
        render();
    }
}

// ---- Showing it ----
// The server says "Ana Cruz checked in at 9:02 AM (desk 1)."; the row shows the name already.
function withoutName(message, name) {
    return name && message.startsWith(`${name} `) ? message[name.length + 1].toUpperCase() + message.slice(name.length + 2) : message;
}

const labels = {
    queued: 'Queued', 'checked-in': 'Synced', 'already-checked-in': 'Already checked in', refused: 'Refused',
    duplicate: 'Not sent', rejected: 'Not a ticket',
};
const kinds = { queued: 'ok', 'checked-in': 'ok', 'already-checked-in': 'warn', refused: 'error', duplicate: 'warn', rejected: 'error' };

function showVerdict(scan) {
    el.verdict.hidden = false;
    el.verdict.dataset.scan = scan.clientScanId;
    el.verdict.dataset.kind = scan.local === 'unknown' && scan.status === 'queued' ? 'warn' : kinds[scan.status];
    el.verdict.replaceChildren(strong(scan.name ?? (scan.status === 'rejected' ? 'Not a ticket' : 'Unknown code')), document.createTextNode(' ' + scan.message));
    if (scan.status === 'queued' && scan.local !== 'unknown') {
        el.verdict.append(document.createTextNode(' Waiting to sync.'));
    }
}

function strong(text) {
    const b = document.createElement('b');
    b.textContent = text;
    return b;
}

function setOnline(online) {
    el.net.dataset.online = online ? 'true' : 'false';
    el.net.textContent = online ? 'Online' : 'Offline';
}

function render() {
    const queued = scans.filter(s => s.status === 'queued').length;
    el.queued.textContent = syncing && queued > 0 ? `${queued} queued, syncing…` : `${queued} queued`;
    el.queued.dataset.count = String(queued);
    el.syncNow.disabled = syncing || queued === 0;
    if (list) {
        el.title.textContent = list.title;
        el.when.textContent = [list.when, list.location].filter(Boolean).join(' · ');
        document.title = `Offline scanner · ${list.title}`;
    }
    const ready = list !== null && shellKept;
    el.cache.dataset.ready = String(ready);
    el.cache.textContent = el.cache.dataset.error
        ? el.cache.dataset.error
        : list
            ? `${list.people.length} people on this device, list from ${time(list.fetchedAtUtc)}${shellKept ? '; works offline' : '; keeping the page for offline use…'}`
            : 'Downloading the list…';
    el.empty.hidden = scans.length > 0;
    el.scans.replaceChildren(...[...scans].sort((a, b) => b.scannedAtUtc.localeCompare(a.scannedAtUtc)).map(row));
}

function row(scan) {
    const li = document.createElement('li');
    li.dataset.testid = 'offline-scan';
    li.dataset.status = scan.status;
    li.dataset.kind = kinds[scan.status];
    const who = document.createElement('div');
    who.className = 'who';
    who.append(strong(scan.name ?? (scan.status === 'rejected' ? 'Not a ticket' : 'Unknown code')));
    const message = document.createElement('small');
    message.textContent = scan.message;
    who.append(message);
    const when = document.createElement('div');
    when.className = 'when';
    when.append(document.createTextNode(time(scan.scannedAtUtc)));
    const state = document.createElement('small');
    state.textContent = `${labels[scan.status]} · ${scan.desk}`;
    when.append(state);
    li.append(who, when);
    return li;
}

function deskName() {
    return el.desk.value.trim() || 'Offline scanner';
}

// ---- Camera (html5-qrcode, kept by the service worker too) ----
let camera = null;
let lastCamera = { text: '', at: 0 };

async function toggleCamera() {
    const box = document.getElementById('camera');
    if (camera) {
        await camera.stop().catch(() => undefined);
        camera = null;
        box.hidden = true;
        el.camera.textContent = 'Camera';
        return;
    }
    if (!window.Html5Qrcode) {
        // The BarcodeDetector first: html5-qrcode looks for it when a scanner is made (ADR 0041).
        for (const src of ['/lib/barcode-detector/barcode-detector.js', '/lib/html5-qrcode/html5-qrcode.min.js']) {
            await new Promise((resolve, reject) => {
                const script = document.createElement('script');
                script.src = src;
                script.onload = resolve;
                script.onerror = () => reject(new Error('The camera library could not be loaded.'));
                document.head.append(script);
            });
        }
    }
    box.hidden = false;
    camera = new window.Html5Qrcode('camera');
    el.camera.textContent = 'Stop camera';
    try {
        await camera.start({ facingMode: 'environment' }, { fps: 10, qrbox: 240 }, text => {
            // The camera sees the same code many times a second: one scan per code per 3 seconds.
            const now = Date.now();
            if (text !== lastCamera.text || now - lastCamera.at > 3000) {
                lastCamera = { text, at: now };
                onCode(text);
            }
        });
    } catch (error) {
        camera = null;
        box.hidden = true;
        el.camera.textContent = 'Camera';
        showVerdict({ clientScanId: '', name: 'Camera', message: `unavailable: ${error?.message ?? error}`, status: 'rejected' });
    }
}

// ---- Start ----
async function keepShell() {
    if (!('serviceWorker' in navigator)) {
        return;
    }
    await navigator.serviceWorker.register('/attendance/offline/sw.js', { scope: '/attendance/offline/' });
    const registration = await navigator.serviceWorker.ready;
    const channel = new MessageChannel();
    const answer = new Promise(resolve => { channel.port1.onmessage = event => resolve(event.data); });
    registration.active.postMessage({ type: 'keep', urls: [location.pathname, document.querySelector('link[rel="manifest"]').getAttribute('href')] }, [channel.port2]);
    const result = await answer;
    shellKept = result.ok === true || (!navigator.onLine && navigator.serviceWorker.controller !== null);
    render();
}

el.form.addEventListener('submit', event => {
    event.preventDefault();
    const code = el.code.value;
    el.code.value = '';
    el.code.focus();
    onCode(code);
});
el.desk.value = localStorage.getItem('oobc-offline-desk') ?? '';
el.desk.addEventListener('change', () => localStorage.setItem('oobc-offline-desk', el.desk.value.trim()));
el.syncNow.addEventListener('click', () => sync());
el.camera.addEventListener('click', () => toggleCamera());
window.addEventListener('online', () => { setOnline(true); sync(); });
window.addEventListener('offline', () => setOnline(false));
setInterval(() => { if (scans.some(s => s.status === 'queued')) sync(); }, retryEveryMs);

setOnline(navigator.onLine);
list = (await store('lists', 'readonly', s => s.get(listId))) ?? null;
scans = await loadScans();
render();
keepShell().catch(error => { el.cache.dataset.error = `Offline use is not available here: ${error.message}`; render(); });
sync();
