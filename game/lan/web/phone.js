// Thaw phone page: join the class review, answer, see why. No build step, no libraries.
// Everything shown comes from the server as data and is put on the page with textContent,
// never as HTML, so a nickname or a quote can never become markup.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const isCheck = !!$("check");
  let socket = null;
  let retry = 500;            // reconnect back-off, ms
  let stopped = false;        // kicked or replaced: do not reconnect
  let room = (params.get("room") || "").toUpperCase().slice(0, 4);
  let current = null;         // the open question
  let placed = 0;             // ORDER: how many cards have been put in place

  const tokenKey = () => "thaw-token-" + room;
  const sections = ["join", "lobby", "question", "waiting", "result", "gone"];

  function show(name) {
    for (const s of sections) { const el = $(s); if (el) el.hidden = s !== name; }
  }
  function status(text) { const el = $("status"); if (el) el.textContent = text; }
  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws");
    socket.addEventListener("open", () => {
      retry = 500;
      if (isCheck) { send({ type: "ping" }); send({ type: "check" }); return; }
      status("Connected");
      const token = room && localStorage.getItem(tokenKey());
      if (token) send({ type: "join", code: room, token: token });
      else showJoin();
    });
    socket.addEventListener("message", (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      handle(message);
    });
    socket.addEventListener("close", () => {
      if (stopped) return;
      if (isCheck) { $("check").textContent = "Not connected: retrying…"; }
      else status("Reconnecting…");
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    });
  }

  function showJoin(error) {
    $("room").value = room;
    show("join");
    $("join-error").textContent = error || "";
    (room ? $("name") : $("room")).focus();
  }

  function handle(m) {
    if (isCheck) {
      if (m.type === "pong" || m.type === "checked") {
        $("check").textContent = "Connected ✓";
        $("check").className = "big right";
      }
      return;
    }
    switch (m.type) {
      case "welcome": return welcome(m);
      case "joined":
        room = m.room;
        localStorage.setItem(tokenKey(), m.token);
        $("lobby-title").textContent = "You are in, " + m.name + "!";
        status(m.team ? m.name + " · " + m.team : m.name);
        return show("lobby");
      case "renamed":
        status(m.name);
        return;
      case "lobby":
        return show("lobby");
      case "question": return question(m);
      case "answered":
        $("waiting-title").textContent = "Answer sent";
        return show("waiting");
      case "closed":
        if (!$("result").hidden) return;
        $("waiting-title").textContent = $("waiting").hidden ? "Time is up" : "Answer sent · time is up";
        return show("waiting");
      case "result": return result(m);
      case "kicked":
      case "replaced":
        stopped = true;
        if (m.type === "kicked") localStorage.removeItem(tokenKey());
        $("gone-title").textContent = m.type === "kicked" ? "Removed from the room" : "Opened elsewhere";
        $("gone-text").textContent = m.message || "";
        status("Disconnected");
        return show("gone");
      case "error":
        if (!$("join").hidden || (current === null && $("lobby").hidden)) {
          if (/room code|locked|nickname|already|team/i.test(m.message)) localStorage.removeItem(tokenKey());
          return showJoin(m.message);
        }
        status(m.message);
        return;
    }
  }

  function welcome(m) {
    const select = $("team");
    select.textContent = "";
    const teams = m.teams || [];
    $("team").hidden = $("team-label").hidden = teams.length === 0;
    if (m.mode === "team-pads") {
      $("name").hidden = $("name-label").hidden = true;
      $("name").required = false;
    }
    if (m.mode !== "team-pads" && teams.length) {
      const any = document.createElement("option");
      any.value = ""; any.textContent = "Any team";
      select.appendChild(any);
    }
    teams.forEach((name, i) => {
      const option = document.createElement("option");
      option.value = String(i); option.textContent = name;
      select.appendChild(option);
    });
  }

  function question(m) {
    current = m;
    placed = 0;
    $("q-text").textContent = m.text || "Read the question on the projector.";
    const list = $("choices");
    list.textContent = "";
    const ordering = m.kind === "order";
    $("q-help").textContent = ordering
      ? "Tap the cards from earliest to latest (or drag them), then send."
      : "Tap your answer.";
    m.choices.forEach((choice, i) => {
      const li = document.createElement("li");
      li.dataset.key = choice.key;
      const button = document.createElement("button");
      button.type = "button";
      const n = document.createElement("span");
      n.className = "n";
      n.textContent = ordering ? "" : String(i + 1);
      const text = document.createElement("span");
      text.textContent = choice.label;
      if (choice.detail) {
        const detail = document.createElement("span");
        detail.className = "detail";
        detail.textContent = choice.detail;
        text.appendChild(detail);
      }
      button.append(n, text);
      button.addEventListener("click", () => ordering ? tapCard(li) : answer(choice.key));
      if (ordering) enableDrag(li);
      li.appendChild(button);
      list.appendChild(li);
    });
    $("submit-order").hidden = $("reset-order").hidden = !ordering;
    show("question");
  }

  function answer(value) {
    if (!current) return;
    send({ type: "answer", question: current.id, value: value });
  }

  // ORDER: a tapped card moves to just after the cards already placed and gets its number.
  function tapCard(li) {
    const list = $("choices");
    const items = Array.from(list.children);
    if (li.classList.contains("placed")) return;
    list.insertBefore(li, items[placed] || null);
    li.classList.add("placed");
    li.querySelector("button").classList.add("picked");
    placed += 1;
    renumber();
  }
  function renumber() {
    Array.from($("choices").children).forEach((li, i) => {
      li.querySelector(".n").textContent = li.classList.contains("placed") ? String(i + 1) : "";
    });
  }
  function enableDrag(li) {
    let startY = 0, dragging = false;
    li.addEventListener("pointerdown", (e) => { startY = e.clientY; dragging = false; });
    li.addEventListener("pointermove", (e) => {
      if (e.buttons === 0 && e.pointerType === "mouse") return;
      if (!dragging && Math.abs(e.clientY - startY) > 12) { dragging = true; li.classList.add("dragging"); }
      if (!dragging) return;
      e.preventDefault();
      const list = $("choices");
      const target = document.elementFromPoint(e.clientX, e.clientY);
      const over = target && target.closest("li");
      if (over && over !== li && over.parentNode === list) {
        const box = over.getBoundingClientRect();
        list.insertBefore(li, e.clientY < box.top + box.height / 2 ? over : over.nextSibling);
      }
    });
    const end = () => {
      if (!dragging) return;
      li.classList.remove("dragging");
      Array.from($("choices").children).forEach((item) => {
        item.classList.add("placed");
        item.querySelector("button").classList.add("picked");
      });
      placed = $("choices").children.length;
      renumber();
      // The click that follows a drag must not also count as a tap.
      setTimeout(() => { dragging = false; }, 0);
    };
    li.addEventListener("pointerup", end);
    li.addEventListener("pointercancel", end);
    li.style.touchAction = "none";
  }

  function result(m) {
    current = null;
    const title = $("result-title");
    if (!m.answered) { title.textContent = "No answer this time"; title.className = ""; }
    else if (m.correct) { title.textContent = "Right! +" + m.points; title.className = "right"; }
    else if (m.credit > 0) { title.textContent = "Partly right: +" + m.points; title.className = "wrong"; }
    else { title.textContent = "Not quite"; title.className = "wrong"; }
    $("result-answer").textContent = "The answer: " + m.answer;
    $("result-explain").textContent = m.explain || "";
    $("result-score").textContent = "Your score: " + m.score;
    show("result");
  }

  if (!isCheck) {
    $("join-form").addEventListener("submit", (e) => {
      e.preventDefault();
      room = $("room").value.trim().toUpperCase();
      const team = $("team").value;
      send({ type: "join", code: room, name: $("name").value,
             team: team === "" ? null : Number(team) });
    });
    $("submit-order").addEventListener("click", () => {
      answer(Array.from($("choices").children).map((li) => li.dataset.key));
    });
    $("reset-order").addEventListener("click", () => { if (current) question(current); });
  }
  connect();
})();
