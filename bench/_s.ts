import { renderSvg, displayBundle, forNotebook, svgToPng } from "../src/display";
import { regionsPlot, pointsPlot } from "../src/plots";
import { Network221, RandomState, pointsDataset } from "../src";
async function main() {
  for (const url of ["file:///etc/passwd", "http://127.0.0.1:9/x.csv", "/etc/passwd", "data:text/csv,a%0A1"]) {
    try { await renderSvg({ data: { url }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } } as any); console.log("no throw", url); }
    catch (e) { console.log((e as Error).name, (e as Error).message); }
  }
  const net = Network221.fromRandom(new RandomState(0));
  const spec = regionsPlot(net, { data: pointsDataset(), queries: [[2, -3]] });
  const b = await displayBundle(spec);
  console.log(Object.keys(b), (b["image/png"] as string).length, ((b["image/svg+xml"] as string) ?? "").length, JSON.stringify(b).length);
  const themed = forNotebook(spec);
  console.log(JSON.stringify(themed.config).slice(0, 200), JSON.stringify(themed.usermeta));
  try { svgToPng('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="/tmp/red.png" width="10" height="10"/></svg>', 1); } catch (e) { console.log((e as Error).message); }
  try { svgToPng(b["image/svg+xml"] as string, 100); } catch (e) { console.log((e as Error).message); }
  try { svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"></svg>', 1); } catch (e) { console.log((e as Error).message); }
  try { pointsPlot({ inputs: Array.from({ length: 150000 }, (_, i) => [i, i]), labels: Array.from({ length: 150000 }, () => 0) }); } catch (e) { console.log((e as Error).message); }
}
main();
