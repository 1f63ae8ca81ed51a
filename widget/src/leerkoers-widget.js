/*
 * Leerkoers chat widget. Embed with one script tag and a configuration object:
 *
 *   <script>window.LeerkoersConfig = { server: "https://leerkoers.example.nl", token: "<JWT van het intranet>" };</script>
 *   <script src="https://leerkoers.example.nl/widget/leerkoers-widget.js" defer></script>
 *
 * All text is rendered as text (never as HTML). The transport is socket.io-client (loaded from the same folder).
 */
(function () {
  "use strict";
  if (window.__leerkoersWidget) return;
  window.__leerkoersWidget = true;

  var CSS = /*__CSS__*/"";
  var script = document.currentScript;
  var base = script ? script.src.replace(/[^/]*$/, "") : "";
  var cfg = window.LeerkoersConfig || {};
  var strings = Object.assign({
    open: "Chat met Leerkoers",
    close: "Chat sluiten",
    placeholder: "Typ je bericht",
    inputLabel: "Je bericht aan Leerkoers",
    send: "Verstuur",
    typing: "Leerkoers typt…",
    log: "Gesprek met Leerkoers",
    offline: "Er is geen verbinding met Leerkoers. We proberen het opnieuw…",
    devMode: "Ontwikkelmodus: je praat als testgebruiker. Gebruik dit niet voor echte gegevens.",
    choices: "Keuzes",
    downloads: "Bestanden om te downloaden",
    downloadFailed: "Dit bestand kon ik niet openen. Vraag het in de chat opnieuw."
  }, cfg.strings || {});
  var title = cfg.title || "Leerkoers";
  var server = (cfg.server || "").replace(/\/$/, "");
  var storeKey = "leerkoers:open";
  // The server's message limit (LEERKOERS_MAX_MESSAGE_LENGTH) and its Dutch text arrive in session_confirm.
  var limit = { length: 2000, text: "" };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  // Safe rendering: text nodes, line breaks, and http(s) links built with the DOM (never innerHTML). The bot's
  // messages may use a small subset of markdown: **bold**, and lines starting with "- " as a list.
  function renderInline(target, line, rich) {
    if (!rich) { renderLinks(target, line); return; }
    // Someone's own words stand between „ and ” (bot/dutch/formatting.py, quoted): plain text, no bold, no links.
    line.split(/(\u201e[^\u201d]*\u201d)/).forEach(function (part) {
      if (/^\u201e[^\u201d]*\u201d$/.test(part)) {
        target.appendChild(el("q", { "class": "lk-quote" }, part.slice(1, -1)));
        return;
      }
      part.split(/(\*\*[^*]+\*\*)/).forEach(function (piece) {
        if (/^\*\*[^*]+\*\*$/.test(piece)) {
          var strong = el("strong");
          renderLinks(strong, piece.slice(2, -2));
          target.appendChild(strong);
        } else if (piece) {
          renderLinks(target, piece);
        }
      });
    });
  }

  function renderLinks(target, text) {
    text.split(/(https?:\/\/[^\s<>"')]+)/).forEach(function (part) {
      if (/^https?:\/\/[^\s<>"')]+$/.test(part)) {
        target.appendChild(el("a", { href: part, target: "_blank", rel: "noopener noreferrer" }, part));
      } else if (part) {
        target.appendChild(document.createTextNode(part));
      }
    });
  }

  function renderText(target, text, rich) {
    var list = null, first = true;
    String(text || "").split("\n").forEach(function (line) {
      if (rich && /^[-\u2022] /.test(line)) {
        if (!list) { list = el("ul", { "class": "lk-list" }); target.appendChild(list); }
        var item = el("li");
        renderInline(item, line.slice(2), true);
        list.appendChild(item);
        first = false;
        return;
      }
      if (!first && !list) target.appendChild(document.createElement("br"));
      list = null;
      renderInline(target, line, rich);
      first = false;
    });
  }

  // WCAG 2.1 AA: text needs a contrast of at least 4.5:1. The primary colour is text on white (the choice
  // buttons) and the background of text in onPrimary (header, launcher, own messages). A custom colour that
  // fails either is refused: the widget keeps its own colours and says so in the console.
  function rgb(hex) {
    var m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(hex || "").trim());
    if (!m) return null;
    var h = m[1].length === 3 ? m[1].replace(/(.)/g, "$1$1") : m[1];
    return [0, 2, 4].map(function (i) { return parseInt(h.substr(i, 2), 16) / 255; });
  }
  function luminance(c) {
    var l = c.map(function (v) { return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  }
  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function readableColors(custom) {
    if (!custom || !custom.primary) return null;
    var primary = rgb(custom.primary), on = rgb(custom.onPrimary || "#ffffff"), white = [1, 1, 1];
    if (primary && on && contrast(primary, white) >= 4.5 && contrast(primary, on) >= 4.5) {
      return { primary: custom.primary, onPrimary: custom.onPrimary || "#ffffff" };
    }
    if (window.console) console.warn("Leerkoers: de kleur " + custom.primary + " heeft te weinig contrast " +
                                     "(minimaal 4,5:1). De widget gebruikt zijn eigen kleuren.");
    return null;
  }

  function token() {
    if (typeof cfg.getToken === "function") return Promise.resolve(cfg.getToken());
    return Promise.resolve(cfg.token || null);
  }

  function build() {
    var style = el("style");
    style.textContent = CSS;
    document.head.appendChild(style);

    var root = el("div", { "class": "lk-root" });
    var colors = readableColors(cfg.colors);
    if (colors) {
      root.style.setProperty("--lk-primary", colors.primary);
      root.style.setProperty("--lk-on-primary", colors.onPrimary);
      root.style.setProperty("--lk-user", colors.primary);
    }
    var launcher = el("button", { type: "button", "class": "lk-launcher", "aria-expanded": "false",
      "aria-controls": "lk-panel" }, strings.open);
    var panel = el("section", { id: "lk-panel", "class": "lk-panel", role: "dialog", "aria-modal": "false",
      "aria-labelledby": "lk-title", hidden: "" });
    var header = el("div", { "class": "lk-header" });
    header.appendChild(el("h2", { id: "lk-title", "class": "lk-title" }, title));
    var close = el("button", { type: "button", "class": "lk-close", "aria-label": strings.close }, "×");
    header.appendChild(close);
    var notice = el("p", { "class": "lk-notice", hidden: "" });
    var log = el("div", { "class": "lk-log", role: "log", "aria-live": "polite", "aria-label": strings.log });
    var typing = el("div", { "class": "lk-typing", "aria-live": "polite" });
    var form = el("form", { "class": "lk-form" });
    var label = el("label", { "class": "lk-sr", "for": "lk-input" }, strings.inputLabel);
    var input = el("input", { id: "lk-input", "class": "lk-input", type: "text", autocomplete: "off",
      placeholder: strings.placeholder, maxlength: String(limit.length) });
    var send = el("button", { type: "submit", "class": "lk-send" }, strings.send);
    form.appendChild(label); form.appendChild(input); form.appendChild(send);
    panel.appendChild(header); panel.appendChild(notice); panel.appendChild(log); panel.appendChild(typing);
    panel.appendChild(form);
    root.appendChild(panel); root.appendChild(launcher);
    document.body.appendChild(root);
    return { root: root, launcher: launcher, panel: panel, close: close, notice: notice, log: log,
             typing: typing, form: form, input: input };
  }

  var ui, socket, typingTimer, started = false, sessionReady = false;
  var waiting = [];  // messages typed before the connection was ready: sent, in order, as soon as it is

  function addMessage(from, text, buttons) {
    var item = el("div", { "class": "lk-msg lk-msg-" + from });
    if (from !== "system") item.appendChild(el("span", { "class": "lk-sr" }, from === "user" ? "Jij: " : "Leerkoers: "));
    var body = el("div");
    renderText(body, text, from === "bot");
    item.appendChild(body);
    if (buttons && buttons.length) {
      var group = el("div", { "class": "lk-buttons", role: "group", "aria-label": strings.choices });
      buttons.forEach(function (b) {
        var button = el("button", { type: "button", "class": "lk-choice" }, b.title);
        button.addEventListener("click", function () {
          Array.prototype.forEach.call(group.querySelectorAll("button"), function (x) { x.disabled = true; });
          sendMessage(b.payload, b.title);
        });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    ui.log.appendChild(item);
    ui.log.scrollTop = ui.log.scrollHeight;
    return item;
  }

  // A download arrives as {type: "file_download", file_url, file_name} (Rasa's socket.io protocol, one event per
  // file). Files of one answer become labelled buttons in one group; only http(s) and same-site links are shown.
  function addDownload(url, label, needsToken) {
    if (typeof url !== "string" || typeof label !== "string" || !/^(https?:\/\/|\/[^\/])/i.test(url)) return null;
    var last = ui.log.lastElementChild;
    var item = last && last.classList.contains("lk-downloads") ? last : null;
    if (!item) {
      item = el("div", { "class": "lk-msg lk-msg-bot lk-downloads" });
      item.appendChild(el("div", { "class": "lk-buttons", role: "group", "aria-label": strings.downloads }));
      ui.log.appendChild(item);
    }
    var link = el("a", { "class": "lk-choice lk-download", href: url, target: "_blank", rel: "noopener" }, label);
    if (needsToken === true || cfg.token || typeof cfg.getToken === "function") {
      // A link opens only with this person's own token (issue 29): fetch it with the token, then save or show it.
      link.addEventListener("click", function (event) {
        event.preventDefault();
        openWithToken(url);
      });
    }
    item.firstChild.appendChild(link);
    ui.log.scrollTop = ui.log.scrollHeight;
    return item;
  }

  function openWithToken(url) {
    token().then(function (tok) {
      return fetch(url, { headers: tok ? { Authorization: "Bearer " + tok } : {} });
    }).then(function (r) {
      if (!r.ok) throw new Error("status " + r.status);
      var name = /filename="([^"\/]+)"/.exec(r.headers.get("Content-Disposition") || "");
      return r.blob().then(function (blob) { return { blob: blob, name: name ? name[1] : null }; });
    }).then(function (file) {
      var href = URL.createObjectURL(file.blob);
      if (file.name) {  // a file (PDF, Word, Excel, ...): saved under its own name
        var save = el("a", { href: href, download: file.name, hidden: "hidden" });
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(function () { URL.revokeObjectURL(href); }, 60000);
        return;
      }
      var opened = window.open(href, "_blank");  // a page (a shared POP, the overview): shown in a new tab
      if (!opened) throw new Error("popup");
      opened.opener = null;
    }).catch(function () {
      addMessage("bot", strings.downloadFailed);
    });
  }

  // A card (a funding suggestion): {type: "card", title, fields: [[label, value], ...]}, shown as one compact
  // block with its buttons. Anything else in that place is shown as the message's text.
  function validCard(card) {
    return card && card.type === "card" && typeof card.title === "string" && Array.isArray(card.fields) &&
      card.fields.every(function (f) {
        return Array.isArray(f) && f.length === 2 && typeof f[0] === "string" && typeof f[1] === "string";
      });
  }

  function addCard(card, buttons) {
    var item = addMessage("bot", "", buttons);
    item.classList.add("lk-card");
    var body = item.querySelector("div");
    body.appendChild(el("p", { "class": "lk-card-title" }, card.title));
    var list = el("dl", { "class": "lk-card-fields" });
    card.fields.forEach(function (f) {
      var row = el("div");
      row.appendChild(el("dt", null, f[0]));
      var value = el("dd");
      renderText(value, f[1], true);
      row.appendChild(value);
      list.appendChild(row);
    });
    body.appendChild(list);
    return item;
  }

  function addBotMessage(msg, buttons) {
    if (validCard(msg.card)) return addCard(msg.card, buttons);
    return addMessage("bot", msg.text || "", buttons);
  }

  function setTyping(on) {
    clearTimeout(typingTimer);
    ui.typing.textContent = on ? strings.typing : "";
    if (on) typingTimer = setTimeout(function () { ui.typing.textContent = ""; }, 20000);
  }

  function sendMessage(payload, shown) {
    addMessage("user", shown != null ? shown : payload);
    setTyping(true);
    if (sessionReady && socket && socket.connected) { socket.emit("user_uttered", { message: payload }); return; }
    waiting.push(payload);  // nothing typed is lost: it goes as soon as the connection is there
    if (socket && !socket.connected && waiting.length === 1) addMessage("system", strings.offline);
  }

  function sendWaiting() {
    while (waiting.length && sessionReady && socket.connected) socket.emit("user_uttered", { message: waiting.shift() });
  }

  function loadHistory(tok) {
    var headers = tok ? { Authorization: "Bearer " + tok } : {};
    return fetch(server + "/webhooks/socketio/history", { headers: headers }).then(function (r) {
      return r.ok ? r.json() : { messages: [] };
    }).then(function (data) {
      var msgs = data.messages || [];
      msgs.forEach(function (m, i) {
        var last = i === msgs.length - 1;
        if (m.from === "user") addMessage("user", m.text, []);
        else addBotMessage(m, last ? m.buttons : []);
      });
      return msgs.length;
    }).catch(function () { return 0; });
  }

  function connect() {
    if (started) return;
    started = true;
    token().then(function (tok) {
      loadHistory(tok).then(function (count) {
        socket = window.io(server, { path: "/socket.io", transports: ["websocket", "polling"],
                                     auth: tok ? { token: tok } : {} });
        socket.on("connect", function () { socket.emit("session_request", {}); });
        socket.on("disconnect", function () { sessionReady = false; });
        socket.on("session_confirm", function (info) {
          if (info && info.dev) { ui.notice.textContent = strings.devMode; ui.notice.hidden = false; }
          if (info && info.max_length > 0) {
            limit.length = info.max_length; limit.text = info.too_long || "";
            ui.input.setAttribute("maxlength", String(limit.length));
          }
          sessionReady = true;
          if (!count && !waiting.length) { setTyping(true); socket.emit("user_uttered", { message: "/groet" }); }
          count = 1;
          sendWaiting();
        });
        socket.on("connect_error", function (err) {
          var text = err && err.message && !/xhr|websocket|timeout/i.test(err.message) ? err.message : strings.offline;
          addMessage("system", text);
        });
        socket.on("bot_uttered", function (msg) {
          setTyping(false);
          if (!msg || typeof msg !== "object") return;
          if (msg.type === "file_download") { addDownload(msg.file_url, msg.file_name, msg.needs_token); return; }
          var buttons = (msg.quick_replies || msg.buttons || []).map(function (b) {
            return { title: b.title, payload: b.payload };
          });
          addBotMessage(msg, buttons);
        });
      });
    });
  }

  function open() {
    ui.panel.hidden = false;
    ui.root.classList.add("lk-open");
    ui.launcher.setAttribute("aria-expanded", "true");
    try { sessionStorage.setItem(storeKey, "1"); } catch (e) { /* private mode */ }
    connect();
    ui.input.focus();
  }

  function closePanel() {
    ui.panel.hidden = true;
    ui.root.classList.remove("lk-open");
    ui.launcher.setAttribute("aria-expanded", "false");
    try { sessionStorage.removeItem(storeKey); } catch (e) { /* private mode */ }
    ui.launcher.focus();
  }

  // On a phone the on-screen keyboard shrinks the visible part of the page: keep the panel, and so the input,
  // inside it.
  function fitToVisibleArea() {
    var vv = window.visualViewport;
    if (!vv || !window.matchMedia("(max-width: 480px)").matches) { ui.panel.style.height = ""; ui.panel.style.top = ""; return; }
    ui.panel.style.height = vv.height + "px";
    ui.panel.style.top = vv.offsetTop + "px";
  }

  function start() {
    ui = build();
    if (window.visualViewport) {
      window.visualViewport.addEventListener("resize", fitToVisibleArea);
      window.visualViewport.addEventListener("scroll", fitToVisibleArea);
    }
    ui.launcher.addEventListener("click", function () { if (ui.panel.hidden) open(); else closePanel(); });
    ui.close.addEventListener("click", closePanel);
    ui.panel.addEventListener("keydown", function (e) { if (e.key === "Escape") closePanel(); });
    var warned = false;
    ui.input.addEventListener("input", function () {
      var full = ui.input.value.length >= limit.length;
      if (full && !warned && limit.text) addMessage("system", limit.text);  // the field stops here: say why
      warned = full;
    });
    ui.form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = ui.input.value;
      if (!text.trim()) return;
      if (text.length > limit.length && limit.text) { addMessage("system", limit.text); return; }
      ui.input.value = "";
      sendMessage(text);
    });
    var wasOpen = false;
    try { wasOpen = sessionStorage.getItem(storeKey) === "1"; } catch (e) { /* private mode */ }
    if (wasOpen || cfg.open) open();
  }

  function loadClient(done) {
    if (window.io) return done();
    var s = document.createElement("script");
    s.src = base + "socket.io.min.js";
    s.onload = done;
    document.head.appendChild(s);
  }

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn); else fn();
  }
  ready(function () { loadClient(start); });
})();
