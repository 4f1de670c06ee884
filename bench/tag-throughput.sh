#!/usr/bin/env bash
# tag-throughput.sh: end-to-end throughput of `census tag` on synthetic traffic.
#
#   mvn -B -DskipTests package          # once, from the repository root
#   bench/tag-throughput.sh             # from the repository root (or anywhere)
#
# 1. Generates N requests (default 50,000) as JSON Lines, {"id", "model", "messages": [...]}, with
#    a realistic length distribution (log-normal, median about 400 characters, a tail of pasted
#    documents up to 30,000 characters; some with a system prompt, some multi-turn, about one in
#    ten not in English). The text is synthetic, made up here from phrase pools with a fixed seed.
# 2. Times `java -jar engine/cli/target/census.jar tag FILE -o /dev/null --threads T` for T = 1
#    and 2, with /usr/bin/time -v (wall time and peak RSS) when it exists, else bash's `time`.
# 3. Times the start-up of `census tag --text "hello"` (JVM, engine and model loading, one request).
# 4. Prints requests/s for each run: end to end (wall clock, start-up included) and as census
#    reports it (tagging only, from its closing line).
#
# Environment: N (requests, default 50000), SEED (default 42), THREADS (default "1 2"),
# JAVA_OPTS (extra JVM options, e.g. -Xmx2g), KEEP=1 keeps the generated file and logs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/engine/cli/target/census.jar"
n="${N:-50000}"
seed="${SEED:-42}"
threads="${THREADS:-1 2}"
java_opts="${JAVA_OPTS:-}"

if [ ! -f "$jar" ]; then
  echo "tag-throughput: $jar not found; build first: mvn -B -DskipTests package" >&2
  exit 1
fi
command -v python3 >/dev/null || { echo "tag-throughput: python3 is needed to generate the requests" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/census-bench.XXXXXX")"
if [ -z "${KEEP:-}" ]; then
  trap 'rm -rf "$work"' EXIT
fi
input="$work/requests.jsonl"
# Run a copy of the jar, so that a rebuild during the run does not pull it from under the JVM.
cp "$jar" "$work/census.jar"
jar="$work/census.jar"

# ---------------------------------------------------------------------------------------------
# 1. Generate the requests.
python3 - "$input" "$n" "$seed" <<'PY'
import json, math, random, sys

out_path, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
R = random.Random(seed)
pick = R.choice

MODELS = ["openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-3-5-sonnet", "anthropic/claude-3-haiku",
          "meta-llama/llama-3.1-70b-instruct", "mistralai/mistral-large", "google/gemini-1.5-flash",
          "qwen/qwen-2.5-72b-instruct", "deepseek/deepseek-chat"]

# Slot vocabulary, shared by all templates.
V = {
    "plang": ["Python", "JavaScript", "TypeScript", "Go", "Rust", "Java", "C#", "Kotlin", "SQL", "bash", "PHP", "Ruby"],
    "ptask": ["parse a CSV file with quoted fields", "retry an HTTP request with exponential backoff",
              "read a large JSON file without loading it all into memory", "debounce a search input",
              "group a list of records by date", "validate an email address", "merge two sorted arrays",
              "paginate results from a REST API", "write unit tests for a function that calls a database",
              "cache the results of an expensive function", "stream a file upload to S3", "sort a dictionary by value"],
    "perr": ["a null pointer exception", "'TypeError: undefined is not a function'", "a deadlock under load",
             "'ModuleNotFoundError: No module named requests'", "a memory leak", "a CORS error in the browser",
             "'connection refused' from the database", "a race condition in the test suite", "a segfault on exit"],
    "tool": ["Docker", "Kubernetes", "PostgreSQL", "Redis", "nginx", "GitHub Actions", "Terraform", "React", "Django",
             "Spring Boot", "Kafka", "Elasticsearch", "pandas", "FastAPI"],
    "wform": ["short story", "poem", "song", "speech", "blog post", "letter", "limerick", "screenplay scene",
              "fairy tale", "personal essay", "toast", "haiku sequence"],
    "wtopic": ["a lighthouse keeper who finds a message in a bottle", "the last day of summer camp",
               "a robot learning to paint", "my grandmother's kitchen", "a city after the rain",
               "two rival bakers who fall in love", "a dragon afraid of heights", "moving to a new country",
               "a detective who can hear lies", "the first astronaut on Europa", "an old dog's last walk"],
    "person": ["my sister", "my boss", "a client", "my landlord", "my teacher", "a colleague", "my neighbour",
               "my best friend", "our CEO", "my son", "my daughter", "the hiring manager"],
    "symptom": ["a sore throat that won't go away", "lower back pain after running", "trouble sleeping",
                "frequent headaches", "a rash on my forearm", "heartburn after dinner", "tingling in my fingers",
                "feeling tired all the time", "a swollen ankle", "ringing in my ears"],
    "med": ["ibuprofen", "paracetamol", "melatonin", "vitamin D", "omeprazole", "antihistamines", "magnesium",
            "creatine", "sertraline", "iron supplements"],
    "money": ["an index fund", "my pension", "a high-yield savings account", "Bitcoin", "a rental flat",
              "government bonds", "my student loan", "my mortgage", "a Roth IRA", "company stock options"],
    "place": ["Lisbon", "Kyoto", "the Scottish Highlands", "Mexico City", "Iceland", "Vietnam", "the Dolomites",
              "Cape Town", "New Orleans", "Copenhagen", "Patagonia", "Seoul"],
    "science": ["quantum entanglement", "photosynthesis", "the Krebs cycle", "eigenvalues", "Bayes' theorem",
                "plate tectonics", "entropy", "the central limit theorem", "gradient descent", "black holes",
                "natural selection", "p-values", "the Fourier transform"],
    "biz": ["a subscription box for pet owners", "a mobile car-wash service", "a coworking space",
            "a B2B invoicing tool", "a small coffee roastery", "an online tutoring platform",
            "a second-hand furniture shop", "a wedding photography studio", "a SaaS for dental clinics"],
    "device": ["my MacBook", "my Android phone", "our office printer", "my Wi-Fi router", "a Windows 11 laptop",
               "my smart TV", "an external SSD", "my iPad", "a Raspberry Pi", "our NAS"],
    "law": ["a tenancy agreement", "an NDA", "a non-compete clause", "a freelance contract", "GDPR consent",
            "a parking fine", "a warranty claim", "an employment contract", "copyright on photos", "a will"],
    "subject": ["algebra", "the French Revolution", "cell biology", "essay structure", "chemical bonding",
                "Shakespeare's sonnets", "probability", "the water cycle", "macroeconomics", "Spanish grammar"],
    "char": ["a grumpy tavern keeper", "a starship captain", "a Victorian detective", "a shy vampire",
             "a medieval knight", "my supportive girlfriend", "a sarcastic AI companion", "a pirate queen",
             "a wizard's apprentice", "a noir private eye"],
    "tlang": ["French", "Spanish", "German", "Japanese", "Italian", "Portuguese", "Korean", "Dutch", "Polish", "Turkish"],
    "num": [str(x) for x in (2, 3, 5, 7, 10, 12, 15, 20, 25, 30, 45, 60, 90, 100, 250, 500)],
    "time": ["last week", "for two months", "since yesterday", "every morning", "after the update",
             "since I moved", "on weekends", "this year", "for a while now", "since the migration"],
}

def fill(t):
    out, i = [], 0
    while True:
        j = t.find("{", i)
        if j < 0:
            out.append(t[i:]); break
        k = t.index("}", j)
        out.append(t[i:j]); out.append(pick(V[t[j + 1:k]])); i = k + 1
    return "".join(out)

# Per domain: short questions, context sentences and asks.
D = {
 "programming": dict(
   q=["how do I {ptask} in {plang}?", "{plang}: best way to {ptask}", "why do I get {perr} in my {plang} code?",
      "write a {plang} function to {ptask}", "explain {tool} volumes like I'm new to it", "regex to {ptask}?"],
   ctx=["I'm building a small service in {plang} that uses {tool}.", "We get {perr} {time}, mostly in production.",
        "The code worked fine until we upgraded {tool}.", "Our team has {num} developers and nobody knows {tool} well.",
        "Right now I {ptask} by hand and it is slow.", "The tests pass locally but fail in CI {time}."],
   ask=["Can you show me how to {ptask} in {plang}, with comments?", "What is the likely cause of {perr} here, and how do I fix it?",
        "Please review my approach and suggest a cleaner design.", "Write the code and a couple of unit tests for it.",
        "Explain the trade-offs between doing this in {plang} and using {tool}."]),
 "writing": dict(
   q=["write a {wform} about {wtopic}", "a {wform} for {person}'s birthday, please", "give me a title for a {wform} about {wtopic}",
      "continue: the rain had not stopped for {num} days", "write a funny {wform} about Mondays"],
   ctx=["I'm writing a {wform} about {wtopic}.", "It's for {person}, who loves old films and bad puns.",
        "The tone should be warm but not cheesy.", "I've been stuck on the middle part {time}.",
        "It should be about {num} lines long and easy to read aloud.", "The main character is based on {person}."],
   ask=["Can you write a first draft?", "Please give me three different openings to choose from.",
        "Write it in the style of a classic fairy tale, with a twist at the end.", "Make it rhyme, but keep the language simple.",
        "Could you suggest how to end it so it feels earned?"]),
 "productivity": dict(
   q=["summarize this in 3 bullet points", "make this email sound more polite", "fix the grammar: me and him goes to the office tomorow",
      "turn these notes into a to-do list", "shorten this paragraph to 50 words"],
   ctx=["Below is an email I need to send to {person}.", "These are my notes from a meeting about {biz}.",
        "The text is too long and sounds a bit rude.", "I need it in a format I can paste into a spreadsheet.",
        "My manager wants a one-page summary by Friday."],
   ask=["Please rewrite it so it sounds professional but friendly.", "Summarize the key points and list the action items.",
        "Extract the names, dates and amounts as a table.", "Proofread it and explain your main changes.",
        "Turn it into a clear step-by-step checklist."]),
 "health": dict(
   q=["is it safe to take {med} every day?", "what causes {symptom}?", "how much {med} is too much?",
      "best stretches for {symptom}", "can {med} cause {symptom}?"],
   ctx=["I've had {symptom} {time}.", "I'm {num} and otherwise healthy, and I take {med} occasionally.",
        "My doctor's appointment isn't for another {num} days.", "I started running again {time} and want to avoid injuries.",
        "I'm trying to eat better and lose some weight without feeling hungry all the time."],
   ask=["What could be causing it, and when should I see a doctor?", "What can I do at home in the meantime?",
        "Can you make me a simple weekly plan I can actually stick to?", "Is there anything I should avoid while taking {med}?"]),
 "finance": dict(
   q=["should I put money into {money}?", "how is {money} taxed?", "pay off {money} or invest?",
      "explain compound interest simply", "what's a good emergency fund size?"],
   ctx=["I'm {num} and have some savings in {money}.", "My income went up this year and I want to be smarter with it.",
        "I've been reading about {money} {time} but I'm confused.", "We're a couple with one child and a mortgage.",
        "I have about {num}k in a current account doing nothing."],
   ask=["What are the pros and cons, in plain language?", "How would you split the money between {money} and paying down debt?",
        "What questions should I ask a financial adviser?", "Can you explain the tax side without jargon?"]),
 "travel": dict(
   q=["things to do in {place} in winter", "is {place} good for kids?", "{num} days in {place}, itinerary?",
      "best time of year to visit {place}", "what should I pack for {place}?"],
   ctx=["We're going to {place} for {num} days in the spring.", "We're two adults and a teenager who loves hiking.",
        "Our budget is moderate and we don't want to rent a car.", "Last time we travelled we tried to see too much."],
   ask=["Can you suggest a day-by-day plan with one relaxed day?", "Which neighbourhoods are good to stay in?",
        "What local food should we try, and what should we skip?", "Any tips that first-time visitors usually miss?"]),
 "science": dict(
   q=["explain {science} simply", "what's the intuition behind {science}?", "how does {science} work?",
      "solve 2x^2 - 3x - {num} = 0", "derivative of x^{num} * ln(x)?"],
   ctx=["I'm studying for an exam on {science}.", "Our lecturer went through {science} very fast.",
        "I understand the formula but not why it works.", "I have a background in {subject} but not in physics."],
   ask=["Can you explain it with an everyday analogy and then the maths?", "Walk me through one worked example step by step.",
        "What are the common misconceptions about {science}?", "Give me {num} practice questions with answers."]),
 "business": dict(
   q=["how do I price {biz}?", "name ideas for {biz}", "how to ask for a raise?", "write a job ad for a junior designer",
      "marketing ideas for {biz} on a small budget"],
   ctx=["I'm starting {biz} with a friend.", "We have {num} customers so far, mostly from word of mouth.",
        "Our competitors are bigger and cheaper.", "I've been managing a team of {num} people {time}."],
   ask=["What should our first marketing steps be?", "Can you draft a one-page business plan outline?",
        "How do I handle a difficult conversation with an underperforming employee?", "Write three taglines and an Instagram bio."]),
 "tech": dict(
   q=["{device} is very slow, what can I do?", "how do I back up {device}?", "why does {device} keep disconnecting?",
      "how to free up space on {device}", "reset {device} to factory settings?"],
   ctx=["{device} started acting up {time}.", "I already tried restarting it and updating everything.",
        "I'm not very technical, so simple steps please.", "It's about {num} years old and was fine before."],
   ask=["What should I check first?", "Is it worth repairing, or should I replace it?",
        "Can you give me step-by-step instructions?", "How can I stop this from happening again?"]),
 "legal": dict(
   q=["is {law} enforceable?", "can I break {law} early?", "what happens if I ignore {law}?",
      "do I need a lawyer for {law}?"],
   ctx=["I signed {law} {num} months ago.", "{person} says I owe them money because of {law}.",
        "I live in England, if that matters.", "Nothing in writing mentions what happens in this situation."],
   ask=["What are my rights here?", "How should I word a letter to them?", "What would a court usually look at?",
        "Please explain it simply; I know this isn't formal legal advice."]),
 "education": dict(
   q=["lesson plan on {subject} for year 8", "quiz me on {subject}", "how do I study {subject} effectively?",
      "explain {subject} for a 12 year old"],
   ctx=["I teach {subject} to a class of {num} students.", "My son is struggling with {subject} and gets frustrated.",
        "I have an exam on {subject} in {num} days.", "The students have very mixed reading levels."],
   ask=["Can you design a 45-minute lesson with an activity?", "Make me a revision timetable that isn't overwhelming.",
        "Write {num} multiple-choice questions with answers.", "How can I explain it so it finally clicks?"]),
 "roleplay": dict(
   q=["*waves* hi again!", "you are {char}. stay in character.", "*sits down at the bar* the usual, please",
      "let's continue our story", "*draws my sword* who goes there?"],
   ctx=["*I push open the heavy door and step inside, shaking snow from my cloak.*", "You are {char}, and I am a traveller looking for work.",
        "We met yesterday at the market and you promised to help me.", "*looks around nervously* I think someone followed me here."],
   ask=["What do you say to me?", "Describe the room and what I notice first.", "Stay in character and keep it to one paragraph.",
        "*leans closer* Tell me what you really know."]),
 "translation": dict(
   q=["translate 'good luck with your exam' into {tlang}", "how do you say 'I miss you' in {tlang}?",
      "is this {tlang} sentence correct?", "difference between ser and estar?"],
   ctx=["I'm learning {tlang} and have a trip coming up.", "I need to send this message to a colleague who speaks {tlang}.",
        "I'm not sure if my translation sounds natural."],
   ask=["Can you translate it and explain any tricky words?", "Please correct my {tlang} and explain the grammar.",
        "Give me a formal and an informal version."]),
 "other": dict(
   q=["hi", "hello", "test", "are you there?", "what can you do?", "who made you?", "tell me a joke", "thanks!", "ok"],
   ctx=["Just checking how this works.", "I'm bored and it's raining.", "My friend said you can answer anything."],
   ask=["What kinds of things can you help with?", "Tell me something interesting.", "Do you have feelings?"]),
}
DOMAIN_WEIGHTS = [("programming", 22), ("writing", 12), ("productivity", 11), ("other", 6), ("health", 5), ("finance", 4),
                  ("travel", 5), ("science", 7), ("business", 6), ("tech", 6), ("legal", 2), ("education", 5),
                  ("roleplay", 7), ("translation", 3)]
DOMAINS = [d for d, w in DOMAIN_WEIGHTS for _ in range(w)]

SYSTEMS = ["You are a helpful assistant.", "You are a helpful assistant. Answer concisely.",
           "You are an expert {plang} developer. Answer with code first, then a short explanation.",
           "You are {char}. Never break character. Describe actions in asterisks and keep replies to two paragraphs.",
           "You are a friendly tutor who explains {subject} step by step and checks understanding with questions.",
           "You are a customer support assistant for a company that sells {biz}. Be polite, brief and never promise refunds.",
           "You write marketing copy for {biz}. Use a warm, confident tone and avoid jargon."]

FOREIGN = {
 "es": ["¿Cómo puedo mejorar mi currículum para un puesto de administración?", "Necesito ayuda con una carta para mi casero.",
        "Explícame la fotosíntesis de forma sencilla, por favor.", "Tengo dolor de espalda desde hace una semana.",
        "Escribe un poema corto sobre el mar para mi madre.", "¿Qué me recomiendas visitar en Lisboa en tres días?"],
 "de": ["Wie kann ich meine Bewerbung für eine Stelle als Buchhalterin verbessern?", "Kannst du diesen Text kürzer und freundlicher formulieren?",
        "Erkläre mir bitte den Unterschied zwischen Aktien und Anleihen.", "Mein Laptop wird sehr heiß, was kann ich tun?",
        "Schreib mir ein kurzes Gedicht zum Geburtstag meiner Oma."],
 "fr": ["Peux-tu m'aider à écrire une lettre de motivation pour un stage ?", "Comment réviser efficacement pour le bac de philosophie ?",
        "Explique-moi la différence entre le passé composé et l'imparfait.", "Quels sont les effets secondaires du paracétamol ?"],
 "pt": ["Como faço para calcular juros compostos numa planilha?", "Me ajuda a escrever uma mensagem de aniversário para minha irmã?",
        "Quais são os direitos do inquilino no Brasil?"],
 "zh": ["帮我写一封给客户的道歉邮件，语气要诚恳。", "怎么用Python读取Excel文件并统计每个月的销售额？", "请解释一下什么是机器学习中的过拟合。",
        "我最近总是失眠，有什么好的建议吗？", "帮我把这段话翻译成英文，要自然一点。"],
 "ja": ["この文章をもっと丁寧な日本語に直してください。", "Pythonでリストを逆順にする方法を教えてください。", "東京で子供と楽しめる場所はどこですか？"],
 "ru": ["Помоги написать резюме для должности менеджера проектов.", "Объясни простыми словами, что такое инфляция.",
        "Как исправить ошибку импорта модуля в Python?"],
}

PROSE = ["The {biz} project was discussed again {time}, and {person} raised concerns about the budget.",
         "Sales in the second quarter were {num}% higher than last year, mostly thanks to repeat customers.",
         "The team agreed to move the launch by {num} days so that testing can be completed.",
         "Customers in the survey mentioned slow delivery and unclear pricing as their main complaints.",
         "In the study, {num} participants reported an improvement after taking {med} for six weeks.",
         "The committee noted that the previous contract did not cover {law} and asked for legal review.",
         "She walked along the harbour in {place}, thinking about the letter she had never sent.",
         "Results should be interpreted with caution, as the sample was small and not randomised.",
         "The migration to {tool} is about {num}% complete, with the remaining services scheduled for next month.",
         "The old lighthouse had been empty for {num} years when the new keeper arrived with a single suitcase.",
         "Section {num}. The Contractor shall keep all Confidential Information secret for the term of this Agreement.",
         "Our analysis suggests that {science} explains most of the variation observed in the second experiment.",
         "Please note that refunds are processed within {num} working days of receiving the returned item.",
         "He had promised {person} he would be back before the rain, but the road through {place} was flooded."]
CODE = ["def {v}_{n}(items):\n    result = []\n    for item in items:\n        if item.get('{n}_id') is None:\n            continue\n        result.append(item)\n    return result\n",
        "async function fetch{N}(id) {{\n  const res = await fetch(`/api/{n}s/${{id}}`);\n  if (!res.ok) throw new Error('failed: ' + res.status);\n  return res.json();\n}}\n",
        "SELECT c.id, c.name, COUNT(o.id) AS orders, SUM(o.total) AS revenue\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nWHERE o.created_at >= NOW() - INTERVAL '{num} days'\nGROUP BY c.id, c.name\nORDER BY revenue DESC;\n",
        "public List<{N}> find{N}s(String status) {{\n    return repository.findAll().stream()\n        .filter(x -> x.getStatus().equals(status))\n        .collect(Collectors.toList());\n}}\n",
        "2024-05-{d}T10:{d}:{d}Z ERROR [worker-{num}] {tool} request failed: timeout after 30000 ms (attempt {num})\n",
        "    at com.example.{n}.{N}Service.process({N}Service.java:{num})\n    at java.base/java.lang.Thread.run(Thread.java:833)\n"]
LONG_ASKS = ["Summarize this text in five bullet points.", "Can you proofread this and fix any mistakes?",
             "Rewrite this so it is clearer and about half as long.", "Translate this into {tlang}.",
             "Continue the story from where it stops, in the same style.", "What are the key risks mentioned here?",
             "Turn this into a short report for my manager.", "Explain this to me like I'm not an expert.",
             "Here is a document I need help with. Extract all the dates and amounts as a table."]
CODE_ASKS = ["What is wrong with this code, and how would you fix it?", "Explain what this does, step by step.",
             "Find the bug in the code below.", "Why does this fail in production? Logs and code below.",
             "Refactor this to be more readable and add tests.", "Convert this to {plang}, please."]
# Sentences that pad out a prompt beyond its context and its ask.
DETAILS = ["I've already searched online but the answers were contradictory.", "Please keep it short, I'm reading on my phone.",
           "For context, I'm based in {place} at the moment.", "This is for {person}, so it matters to me.",
           "A step-by-step answer would help a lot.", "Use bullet points if that makes it clearer.",
           "Sorry if this is a basic question.", "I need this done by Friday.", "I tried something similar {time} and it didn't work.",
           "Please explain your reasoning, not just the answer.", "I don't have a big budget for this.",
           "If you need more information, ask me before answering.", "Thanks in advance, your last answer really helped.",
           "My previous attempt is below, but I'm not happy with it.", "Please avoid jargon where you can.",
           "I'm comparing this with what {person} told me.", "It has to work for about {num} people.",
           "Be honest, even if the answer is that it's a bad idea."]

def code_block():
    n = pick(["order", "invoice", "user", "payment", "shipment", "event", "ticket", "product"])
    t = pick(CODE)
    t = t.replace("{v}", pick(["load", "parse", "filter", "merge", "export", "validate"])).replace("{n}", n).replace("{N}", n.capitalize())
    t = t.replace("{d}", "%02d" % R.randint(0, 28))
    return fill(t.replace("{{", "\x00").replace("}}", "\x01")).replace("\x00", "{").replace("\x01", "}")

def sentences(pool, target):
    """Sentences from a pool, about target characters in all (at least one sentence)."""
    parts, size, misses = [], 0, 0
    while misses < 5:
        s = fill(pick(pool))
        if parts and size + len(s) + 1 > target:
            misses += 1
            continue
        parts.append(s); size += len(s) + 1
    return " ".join(parts)

def distinct(pool, target):
    """Different sentences from a pool, in random order, about target characters (at least one)."""
    parts, size = [], 0
    for t in R.sample(pool, len(pool)):
        s = fill(t)
        if parts and size + len(s) + 1 > target:
            continue
        parts.append(s); size += len(s) + 1
    return parts

def user_text(n):
    if R.random() < 0.1 and n < 1000:
        return " ".join(distinct(FOREIGN[pick(list(FOREIGN))], n))
    d = D[pick(DOMAINS)]
    if n < 110:
        return fill(pick(d["q"]))
    if n < 700:
        ask = fill(pick(d["ask"]))
        ctx = distinct(d["ctx"], max(0, n - len(ask) - 1))
        room = n - len(ask) - sum(len(c) + 1 for c in ctx)
        if room > 40:
            ctx += distinct(DETAILS, room)
        text = " ".join(ctx)
        return text + " " + ask if R.random() < 0.8 else ask + " " + text
    # A pasted document with an instruction before or after it.
    codey = R.random() < 0.4
    ask = fill(pick(CODE_ASKS if codey else LONG_ASKS))
    blocks, size = [], 0
    while size < n - len(ask):
        b = code_block() if codey and R.random() < 0.8 else sentences(PROSE, R.randint(200, 700)) + "\n"
        blocks.append(b); size += len(b) + 1
    doc = "\n".join(blocks)[: max(0, n - len(ask) - 2)]
    if codey:
        doc = "```\n" + doc + "\n```"
    return ask + "\n\n" + doc if R.random() < 0.5 else doc + "\n\n" + ask

def target_length():
    # Log-normal around a median of 400 characters; most prompts are a sentence or a paragraph,
    # a few percent are pasted documents of several thousand characters.
    return int(min(30000, max(2, R.lognormvariate(math.log(370), 1.2))))

total = 0
lengths = []
with open(out_path, "w", encoding="utf-8") as f:
    for i in range(count):
        n = target_length()
        messages = []
        if R.random() < 0.15:
            messages.append({"role": "system", "content": fill(pick(SYSTEMS))})
        if R.random() < 0.12:
            for _ in range(R.randint(1, 3)):
                messages.append({"role": "user", "content": user_text(R.randint(20, 300))})
                messages.append({"role": "assistant", "content": sentences(PROSE, R.randint(100, 600))})
        used = sum(len(m["content"]) for m in messages)
        messages.append({"role": "user", "content": user_text(max(2, n - used))})
        chars = sum(len(m["content"]) for m in messages)
        lengths.append(chars)
        rec = {"id": "bench-%06d" % i, "model": pick(MODELS), "messages": messages}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
lengths.sort()
q = lambda p: lengths[min(len(lengths) - 1, int(p * len(lengths)))]
print("generated %d requests: characters per request median %d, p10 %d, p90 %d, p99 %d, max %d, mean %.0f"
      % (count, q(0.5), q(0.1), q(0.9), q(0.99), lengths[-1], sum(lengths) / len(lengths)))
PY
printf 'input: %s (%s)\n' "$input" "$(du -h "$input" | cut -f1)"
printf 'machine: %s cores, load average %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1

# ---------------------------------------------------------------------------------------------
# 2./3. Timed runs.
have_time_v=""
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  have_time_v=1
fi

# timed LOG CMD...: runs CMD, stdout to /dev/null, stderr and timing to LOG; sets
# elapsed (seconds) and rss (MB, or "?").
timed() {
  local log="$1"; shift
  if [ -n "$have_time_v" ]; then
    /usr/bin/time -v -o "$log.time" "$@" >/dev/null 2>"$log"
    elapsed="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log.time")"
    rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log.time")"
  else
    local t0 t1
    t0="$(date +%s.%N)"
    "$@" >/dev/null 2>"$log"
    t1="$(date +%s.%N)"
    elapsed="$(echo "$t1 $t0" | awk '{printf "%.2f", $1-$2}')"
    rss="?"
  fi
}

echo
echo "start-up: census tag --text \"hello\" (3 runs)"
for k in 1 2 3; do
  timed "$work/startup.log" java $java_opts -jar "$jar" tag --text "hello"
  printf '  run %d: %6.2f s wall, peak RSS %s MB\n' "$k" "$elapsed" "$rss"
done

echo
printf '%-9s %10s %12s %14s %12s %14s\n' threads "wall s" "req/s e2e" "census req/s" "peak RSS MB" "engine ready s"
for t in $threads; do
  log="$work/tag-t$t.log"
  timed "$log" java $java_opts -jar "$jar" tag "$input" -o /dev/null --threads "$t"
  ready="$(sed -n 's/.*engine ready in \([0-9.]*\) s.*/\1/p' "$log" | tail -1)"
  inner="$(sed -n 's/.*(\([0-9,]*\) records\/s).*/\1/p' "$log" | tail -1 | tr -d ,)"
  e2e="$(awk -v n="$n" -v s="$elapsed" 'BEGIN {printf "%.0f", n / s}')"
  printf '%-9s %10.2f %12s %14s %12s %14s\n' "$t" "$elapsed" "$e2e" "${inner:-?}" "$rss" "${ready:-?}"
  grep -E 'records read' "$log" | sed 's/^/          /' || { echo "          census failed:"; sed 's/^/          /' "$log" | tail -5; }
done
if [ -n "${KEEP:-}" ]; then
  echo; echo "kept: $work"
fi
