#!/usr/bin/env bash
# serve-load.sh: load test of `census serve` with wrk against POST /v1/tag, realistic ~1 KB bodies.
#
#   mvn -B -DskipTests package          # once, from the repository root (builds engine/cli/target/census.jar)
#   bench/serve-load.sh                 # from anywhere; needs wrk (apt-get install -y wrk), python3, curl
#
# 1. Writes a wrk Lua script that rotates among 50 synthetic chat-completion request bodies of about
#    1 KB each (OpenAI shape: model, messages with an optional system prompt and earlier turns),
#    made up here from phrase pools with a fixed seed; no external corpus is read.
# 2. Starts `java -jar census.jar serve` on a loopback port and waits for /readyz.
# 3. Warms up, then measures: requests/s and p50/p99/p99.9 latency (wrk's HdrHistogram) and status
#    counts, at a light load (as many connections as tagging slots: no queueing) and at the normal
#    load (CONNECTIONS); and the server's own split (time in the engine's tag() versus the whole
#    request, from /metrics; with PROFILE=1 also a CPU profile of the normal run with Java Flight
#    Recorder, split into engine, HTTP server, JSON in/out, metrics).
# 4. Overload at 2x: twice as many concurrent connections as the server admits (tagging slots +
#    queue), checking that it keeps answering (503 with Retry-After for the excess) and that
#    /healthz stays fast; then the normal load again, to show it recovers.
# 5. Stops the server with SIGTERM (graceful) and prints a summary.
#
# Environment: PORT (default 18480), DURATION (seconds per measured run, default 30), WARMUP
# (seconds, default 20), CONNECTIONS (normal load, default 16), THREADS (wrk threads, default 2),
# SLOTS (--max-concurrency, default: cores), QUEUE (--queue, default 32), JAVA_OPTS (server JVM
# options, default -Xms1g -Xmx1g -XX:+UseParallelGC), JAR (default engine/cli/target/census.jar),
# PROFILE=1 (CPU split with JFR; needs jcmd and jfr from the JDK), KEEP=1 keeps the work folder (Lua
# script, server log, raw wrk output, profile).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${JAR:-$root/engine/cli/target/census.jar}"
port="${PORT:-18480}"
duration="${DURATION:-30}"
warmup="${WARMUP:-20}"
conns="${CONNECTIONS:-16}"
wthreads="${THREADS:-2}"
slots="${SLOTS:-$(nproc)}"
queue="${QUEUE:-32}"
java_opts="${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}"
url="http://127.0.0.1:$port/v1/tag"

for tool in wrk python3 curl java; do
  command -v "$tool" >/dev/null || { echo "serve-load: $tool is needed${tool:+ }(wrk: apt-get install -y wrk)" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "serve-load: $jar not found; build first: mvn -B -DskipTests package" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/census-serve-load.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "serve-load: kept $work" >&2; fi
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
# 1. The bodies and the wrk script.
python3 - "$work/bodies.lua" <<'PY'
import json, random, sys
R = random.Random(20250701)
MODELS = ["openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-3-5-sonnet", "meta-llama/llama-3.1-70b-instruct",
          "mistralai/mistral-large", "google/gemini-1.5-flash", "qwen/qwen-2.5-72b-instruct", "deepseek/deepseek-chat"]
SYSTEM = [
    "You are a helpful assistant. Answer concisely and say so when you are not sure.",
    "You are Mira, a sarcastic but kind innkeeper in the port town of Vell. Stay in character, describe actions between asterisks, never mention being an AI. {{user}} has just walked in from the rain.",
    "You are a senior software engineer reviewing code for correctness, readability and performance. Point out bugs first.",
    "You are a translator. Translate faithfully, keep the register of the original, and explain idioms in a footnote.",
    "You are a marketing copywriter for a small outdoor-gear brand. Write in a warm, confident voice.",
]
TASKS = [
    ("I have a Python service that reads orders from a queue, validates them and writes them to Postgres. Under load the "
     "workers slow down and the queue grows. Here is the loop: while True: msg = q.get(); order = json.loads(msg); "
     "validate(order); cur.execute('INSERT INTO orders VALUES (%s, %s, %s)', (order['id'], order['sku'], order['qty'])); "
     "conn.commit(). How should I batch the inserts, handle poison messages, and keep at-least-once delivery without "
     "duplicating orders? Please show the revised code and explain the trade-offs."),
    ("Please translate the following paragraph into Spanish and German, keeping the friendly tone: 'Thanks for joining "
     "our community garden this season! Watering shifts start on Monday, the tool shed code is on the notice board, and "
     "the harvest festival will take place on the last Saturday of September. Bring a dish to share if you can, and "
     "let us know if you would like to run one of the workshops for the children.'"),
    ("Write a short story of about four hundred words about a lighthouse keeper who finds a message in a bottle that "
     "seems to be written by her future self. The tone should be quiet and a little eerie, the ending open. Use the "
     "sea and the turning light as recurring images, and give the keeper a small daily ritual that changes at the end."),
    ("*pushes the door open and shakes the rain off my coat* Evening. I need a room for the night and something hot to "
     "eat. *drops a few coins on the counter* Also, I heard a ship came in from the north this morning with a strange "
     "cargo. You hear everything in this place, don't you? What are the sailors saying about it? *leans closer*"),
    ("Summarise the following meeting notes in five bullet points and list the action items with owners: The team "
     "reviewed the Q3 roadmap. Ana reported that the billing migration slipped two weeks because of the tax module. "
     "Li proposed moving the mobile release to October. Marco will draft the customer announcement. The budget for the "
     "offsite was approved. Security review of the new login flow is pending; Priya owns it. Next sync on Thursday."),
    ("I've been having headaches most afternoons for the past three weeks, usually behind my eyes, and they get worse "
     "when I work at the computer. I sleep about six hours a night and drink a lot of coffee in the morning. Could this "
     "be eye strain, caffeine, or something else? What can I try at home, and when should I see a doctor about it?"),
    ("Explain how compound interest works using a concrete example: I put 200 dollars a month into an index fund "
     "returning on average 6 percent a year, starting at age 25. How much would I have at 65, and how does that compare "
     "with starting at 35? Also explain the difference between nominal and real returns and why fees matter so much."),
    ("Write a product description and three social media posts for our new insulated water bottle made from recycled "
     "steel. It keeps drinks cold for 24 hours, weighs 340 grams, comes in five colours, and for every bottle sold we "
     "plant a tree. The audience is hikers and commuters in their twenties and thirties; keep it playful, not preachy."),
    ("My landlord says he will keep my whole security deposit because of small nail holes from picture frames and some "
     "wear on the carpet after four years. I live in California. Is that allowed? What are normal wear and tear rules, "
     "what deadlines does the landlord have to return the deposit, and how should I word a letter asking for it back?"),
    ("Prove that there are infinitely many prime numbers, then explain the idea of the proof to a twelve-year-old. After "
     "that, show how the same idea fails to prove that there are infinitely many twin primes, and say what is known "
     "about that problem today. Keep the formal proof rigorous but short."),
]
FOLLOW = ["Thanks, that helps. One more question about the same topic.", "Can you go a bit deeper on the second point?",
          "Please keep it shorter this time.", "Great. Now adapt it for a beginner audience."]
bodies = []
for i in range(50):
    task = TASKS[i % len(TASKS)]
    messages = []
    if R.random() < 0.5:
        messages.append({"role": "system", "content": R.choice(SYSTEM)})
    if R.random() < 0.3:
        messages.append({"role": "user", "content": R.choice(FOLLOW)})
        messages.append({"role": "assistant", "content": "Sure, here is a first version."})
    content = task + " (ref %d-%04d)" % (i, R.randrange(10000))
    messages.append({"role": "user", "content": content})
    body = {"model": R.choice(MODELS), "messages": messages, "temperature": round(R.random(), 2)}
    s = json.dumps(body, ensure_ascii=False)
    # trim or pad the last user turn so that every body is about 1 KB
    while len(s.encode()) > 1100:
        messages[-1]["content"] = messages[-1]["content"][:-20]
        s = json.dumps(body, ensure_ascii=False)
    while len(s.encode()) < 900:
        messages[-1]["content"] += " Please be specific and give examples."
        s = json.dumps(body, ensure_ascii=False)
    bodies.append(s)
sizes = [len(b.encode()) for b in bodies]
with open(sys.argv[1], "w") as f:
    f.write("-- generated by bench/serve-load.sh: %d synthetic bodies, %d..%d bytes (mean %d)\n"
            % (len(bodies), min(sizes), max(sizes), sum(sizes) // len(sizes)))
    f.write("local bodies = {\n")
    for b in bodies:
        f.write("  [==[" + b + "]==],\n")
    f.write("}\n")
    f.write(r'''
local counter = 0
local threads = {}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = math.random(#bodies)
  statuses = {}
end

function request()
  counter = counter % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[counter])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do merged[k] = (merged[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(merged) do table.insert(parts, string.format("%d=%d", k, v)) end
  table.sort(parts)
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f statuses=%s socket_errors=%d\n",
    summary.requests, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000, table.concat(parts, ","),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
''')
print("serve-load: %d bodies, %d..%d bytes (mean %d)" % (len(bodies), min(sizes), max(sizes), sum(sizes) // len(sizes)), file=sys.stderr)
PY

# ---------------------------------------------------------------------------------------------
# 2. The server.
echo "serve-load: machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" >&2
# shellcheck disable=SC2086
java $java_opts -XX:FlightRecorderOptions=stackdepth=512 -jar "$jar" serve --port "$port" --bind 127.0.0.1 --max-concurrency "$slots" --queue "$queue" \
  --privacy-k 0 --timeout 10s >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  if curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { echo "serve-load: the server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "serve-load: the server is not ready" >&2; exit 1; }
echo "serve-load: server ready (pid $server_pid, $slots tagging slots, queue $queue)" >&2

metric() { # metric NAME: the value of an unlabelled or fully given series from /metrics
  curl -fs "http://127.0.0.1:$port/metrics" | awk -v n="$1" '$1 == n { print $2 }'
}

run() { # run LABEL CONNECTIONS SECONDS
  local label="$1" c="$2" d="$3"
  echo "serve-load: $label: wrk -t$wthreads -c$c -d${d}s" >&2
  wrk -t"$wthreads" -c"$c" -d"${d}s" --timeout 10s -s "$work/bodies.lua" "$url" >"$work/wrk-$label.txt" 2>&1 || true
  local line
  line="$(grep '^RESULT' "$work/wrk-$label.txt" || echo "RESULT (wrk failed: $(tail -1 "$work/wrk-$label.txt"))")"
  printf '%-10s c=%-3s %s\n' "$label" "$c" "${line#RESULT }" | tee -a "$work/summary.txt"
}

# ---------------------------------------------------------------------------------------------
# 3. Warm-up and measurement.
run warmup "$conns" "$warmup" >/dev/null
run light "$slots" "$duration"
if [ -n "${PROFILE:-}" ]; then
  jcmd "$server_pid" JFR.start name=load settings=profile filename="$work/load.jfr" >/dev/null
fi
tag_sum0="$(metric census_tag_duration_seconds_sum)"; tag_n0="$(metric census_tag_duration_seconds_count)"
req_sum0="$(metric 'census_http_request_duration_seconds_sum{endpoint="/v1/tag"}')"
req_n0="$(metric 'census_http_request_duration_seconds_count{endpoint="/v1/tag"}')"
cpu0="$(awk '{print $14 + $15}' "/proc/$server_pid/stat")"
run normal "$conns" "$duration"
cpu1="$(awk '{print $14 + $15}' "/proc/$server_pid/stat")"
if [ -n "${PROFILE:-}" ]; then
  jcmd "$server_pid" JFR.stop name=load >/dev/null
  jfr print --stack-depth 512 --events jdk.ExecutionSample "$work/load.jfr" >"$work/samples.txt"
  python3 - "$work/samples.txt" <<'PY' | tee -a "$work/summary.txt"
import collections, re, sys
events = open(sys.argv[1]).read().split("jdk.ExecutionSample {")[1:]
cats, inside, n = collections.Counter(), collections.Counter(), 0
rules = [("engine tag()", "org.promptcensus.core.Engine.tag"), ("JSON in (parse + RecordParser)", "org.promptcensus.server.RequestReader."),
         ("JSON out", "org.promptcensus.server.TaggedJson."), ("body read + UTF-8", "org.promptcensus.server.BodyReader."),
         ("metrics", "org.promptcensus.server.Metrics."), ("admission", "org.promptcensus.server.Admission."),
         ("Javalin", "io.javalin."), ("Jetty (I/O, HTTP)", "org.eclipse.jetty.")]
parts = [("rules (RuleIndex.match)", "org.promptcensus.core.rules.RuleIndex.match"),
         ("model (CategoryModel.predict)", "org.promptcensus.core.model.CategoryModel.predict"),
         ("text selection + analysis", "org.promptcensus.core.analysis.RequestAnalyzer."),
         ("fusion", "org.promptcensus.core.fusion.Fuser.fuse")]
for ev in events:
    m = re.search(r"stackTrace = \[(.*?)\n\s*\]", ev, re.S)
    if not m:
        continue
    frames = [re.sub(r"\(.*", "", f.strip()) for f in m.group(1).split("\n") if f.strip() and not f.strip().startswith("...")]
    n += 1
    cat = next((name for name, prefix in rules if any(f.startswith(prefix) for f in frames)), "other")
    cats[cat] += 1
    if cat == "engine tag()":
        for name, prefix in parts:
            if any(f.startswith(prefix) for f in frames):
                inside[name] += 1
print("profile    %d CPU samples of the server's Java threads during the normal run:" % n)
for k, v in cats.most_common():
    print("             %5.1f%%  %s" % (v * 100.0 / max(1, n), k))
print("           inside tag(): " + ", ".join("%s %.0f%%" % (k, v * 100.0 / max(1, n)) for k, v in inside.most_common()))
PY
fi
tag_sum1="$(metric census_tag_duration_seconds_sum)"; tag_n1="$(metric census_tag_duration_seconds_count)"
req_sum1="$(metric 'census_http_request_duration_seconds_sum{endpoint="/v1/tag"}')"
req_n1="$(metric 'census_http_request_duration_seconds_count{endpoint="/v1/tag"}')"
python3 - "$tag_sum0" "$tag_n0" "$tag_sum1" "$tag_n1" "$req_sum0" "$req_n0" "$req_sum1" "$req_n1" "$cpu0" "$cpu1" "$duration" \
  "$(getconf CLK_TCK)" <<'PY' | tee -a "$work/summary.txt"
import sys
ts0, tn0, ts1, tn1, rs0, rn0, rs1, rn1, c0, c1, dur, hz = map(float, sys.argv[1:])
tag = (ts1 - ts0) / max(1, tn1 - tn0) * 1e3
req = (rs1 - rs0) / max(1, rn1 - rn0) * 1e3
cpu_s = (c1 - c0) / hz
n = max(1, rn1 - rn0)
print("split      server-side mean per /v1/tag request: %.3f ms in the server (arrival to answer, queueing included), "
      "of which %.3f ms in Engine.tag(); server CPU %.2f ms per request (%.0f%% of %d s x 2 cores)"
      % (req, tag, cpu_s / n * 1e3, cpu_s / (dur * 2) * 100, dur))
PY

# ---------------------------------------------------------------------------------------------
# 4. Overload at 2x the admitted concurrency, health checked meanwhile, then recovery.
over=$(( 2 * (slots + queue) ))
(
  worst=0
  end=$(( $(date +%s) + duration ))
  while [ "$(date +%s)" -lt "$end" ]; do
    t="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 5 "http://127.0.0.1:$port/healthz" || echo "000 5")"
    echo "$t" >>"$work/health.txt"
    sleep 0.5
  done
) &
health_pid=$!
run overload "$over" "$duration"
wait "$health_pid" || true
awk '{ n++; if ($1 == 200) ok++; if ($2 > max) max = $2 } END { printf "health     during overload: %d/%d /healthz answered 200, slowest %.1f ms\n", ok, n, max * 1000 }' \
  "$work/health.txt" | tee -a "$work/summary.txt"
run recovery "$conns" "$duration"

echo "serve-load: stopping the server (SIGTERM)" >&2
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=""
echo
echo "== census serve load test: POST /v1/tag, ~1 KB bodies, $(nproc) cores, wrk -t$wthreads, server --max-concurrency $slots --queue $queue"
cat "$work/summary.txt"
