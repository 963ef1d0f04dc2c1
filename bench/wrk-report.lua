-- wrk's done() hook for bench/run: prints one "name value" line per figure, latencies in ms.
-- wrk's own --latency table stops at 50/75/90/99; bench/run also needs the 95th percentile.
-- Requests that time out are not in wrk's latency histogram; they are counted in
-- errors_timeout (bench/run counts them as errors).
--
--   wrk -t2 -c32 -d15s --timeout 30s -s bench/wrk-report.lua URL

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("wrk_requests %d\n", summary.requests))
  io.write(string.format("wrk_bytes %d\n", summary.bytes))
  io.write(string.format("wrk_seconds %.3f\n", seconds))
  io.write(string.format("wrk_rps %.1f\n", summary.requests / seconds))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("wrk_p%d_ms %.2f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("wrk_max_ms %.2f\n", latency.max / 1000))
  io.write(string.format("wrk_mean_ms %.2f\n", latency.mean / 1000))
  local e = summary.errors
  io.write(string.format("wrk_errors_connect %d\n", e.connect))
  io.write(string.format("wrk_errors_read %d\n", e.read))
  io.write(string.format("wrk_errors_write %d\n", e.write))
  io.write(string.format("wrk_errors_timeout %d\n", e.timeout))
  -- wrk counts a status of 400 and above here; 3xx answers are checked by size in bench/run
  io.write(string.format("wrk_errors_status %d\n", e.status))
end
