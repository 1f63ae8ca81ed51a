// Reproducible build: copies the widget and the socket.io client (from the lockfile-pinned package) into dist/.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";

mkdirSync("dist", { recursive: true });
copyFileSync("node_modules/socket.io-client/dist/socket.io.min.js", "dist/socket.io.min.js");
const css = readFileSync("src/leerkoers-widget.css", "utf8");
const js = readFileSync("src/leerkoers-widget.js", "utf8").replace("/*__CSS__*/\"\"", JSON.stringify(css));
writeFileSync("dist/leerkoers-widget.js", js);
const hash = createHash("sha256").update(js).digest("hex").slice(0, 12);
writeFileSync("dist/BUILD", `leerkoers-widget ${hash}\n`);
console.log(`widget built: dist/leerkoers-widget.js (${hash})`);
