// integrer.js, the script a host page loads beside its iframes: each embedded chart of this
// site reports its height (embed.ts, reportHeight), and its iframe is resized to it. Only
// messages from this script's own origin, and only for the iframe that sent them, are heard.
import {HEIGHT_MESSAGE} from "../components/embed.js";

const script = document.currentScript as HTMLScriptElement | null;
const origin = script ? new URL(script.src).origin : null;

window.addEventListener("message", (event) => {
  if (origin !== null && event.origin !== origin) return;
  const data = event.data as {type?: unknown; height?: unknown} | null;
  if (!data || data.type !== HEIGHT_MESSAGE || typeof data.height !== "number") return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.max(100, Math.ceil(data.height))}px`;
  }
});
