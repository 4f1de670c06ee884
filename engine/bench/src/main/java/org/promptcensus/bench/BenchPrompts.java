package org.promptcensus.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.promptcensus.api.Message;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;

/**
 * The requests the benchmarks tag: {@value #COUNT} different realistic prompts for each of three
 * sizes, written for the benchmarks (they come from no corpus).
 * <ul>
 *   <li>{@code short}: one-line questions and commands, about 60 characters;</li>
 *   <li>{@code median}: multi-sentence prompts with context and an ask, about 400 characters (the
 *       median of real traffic); some carry a system prompt, a few are not in English;</li>
 *   <li>{@code long}: an instruction and {@value #LONG_CHARS} characters in all of pasted text
 *       (notes, code, logs, a story, a contract, an e-mail thread, an article), generated
 *       deterministically from phrase pools.</li>
 * </ul>
 * Every call returns the same requests.
 */
public final class BenchPrompts {
    /** Requests per size. */
    public static final int COUNT = 50;
    /** Characters of a long request (instruction and pasted text together), at most. */
    public static final int LONG_CHARS = 4000;
    /** The sizes, as {@link #requests(String)} names them. */
    public static final List<String> SIZES = List.of("short", "median", "long");

    private BenchPrompts() {
    }

    /**
     * @param size {@code short}, {@code median} or {@code long}
     * @return {@value #COUNT} requests of that size
     * @throws IllegalArgumentException for another size
     */
    public static List<Request> requests(String size) {
        return switch (size) {
            case "short" -> build("short", SHORT.stream().map(t -> new String[] {null, t}).toList());
            case "median" -> build("median", MEDIAN);
            case "long" -> build("long", longPrompts());
            default -> throw new IllegalArgumentException("unknown size '" + size + "'; sizes are " + SIZES);
        };
    }

    /**
     * @param request a request
     * @return the characters of its messages, added up
     */
    public static int chars(Request request) {
        int n = 0;
        for (Message m : request.messages()) {
            n += m.content().length();
        }
        return n;
    }

    /**
     * Prints the number of requests and their sizes in characters, per size.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        for (String size : SIZES) {
            List<Request> rs = requests(size);
            int[] c = rs.stream().mapToInt(BenchPrompts::chars).sorted().toArray();
            System.out.printf("%-7s %d requests, chars min %d, median %d, mean %.0f, max %d%n", size, c.length, c[0],
                    c[c.length / 2], rs.stream().mapToInt(BenchPrompts::chars).average().orElse(0), c[c.length - 1]);
        }
    }

    private static List<Request> build(String size, List<String[]> prompts) {
        List<Request> out = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            Request.Builder b = Request.builder(size + "-" + i).model("bench/model");
            String[] p = prompts.get(i);
            if (p[0] != null) {
                b.message(Role.SYSTEM, p[0]);
            }
            out.add(b.message(Role.USER, p[1]).build());
        }
        return List.copyOf(out);
    }

    private static String[] u(String user) {
        return new String[] {null, user};
    }

    private static String[] su(String system, String user) {
        return new String[] {system, user};
    }

    // ---------------------------------------------------------------------------------------------
    // short: about 60 characters

    private static final List<String> SHORT = List.of(
            "how do I reverse a list in python without modifying the original?",
            "What's the difference between a process and a thread in Linux?",
            "write a haiku about the first snow of the winter",
            "Translate 'where is the nearest train station' into German",
            "is it safe to take ibuprofen and paracetamol together?",
            "explain the Pythagorean theorem like I'm ten years old",
            "give me 5 catchy names for a vegan bakery in Portland",
            "Fix this SQL: SELECT name, COUNT(*) FROM users GROUP BY id",
            "what year did the Berlin Wall fall and why did it happen?",
            "My laptop fan is always loud even when idle, what can I do?",
            "Summarize the plot of Moby Dick in three sentences.",
            "can my landlord keep my deposit for normal wear and tear?",
            "Is it better to pay off my car loan early or invest in an ETF?",
            "write a regex that matches a US zip code with optional +4",
            "You are a pirate captain. Greet the new crew member.",
            "How many calories should I eat to lose half a kilo per week?",
            "draft a polite email asking my boss for Friday off",
            "what is the derivative of x^3 * sin(x)?",
            "Explain how a transformer attention head works, briefly.",
            "What does 'break a leg' mean and where does it come from?",
            "¿Cuál es la diferencia entre 'por' y 'para' en español?",
            "Wie lange muss man Eier kochen, damit sie wachsweich sind?",
            "Écris un petit poème sur la mer pour ma fille de six ans.",
            "用Python怎么读取一个CSV文件并计算每列的平均值？",
            "hello, are you there? can you hear me?",
            "Make this sentence more formal: we gotta push the deadline again",
            "Write a tweet announcing our app's new dark mode feature",
            "What were the main causes of the inflation spike in 2022?",
            "docker compose up fails with 'port is already allocated', why?",
            "Create a 45-minute lesson plan on photosynthesis for 7th grade",
            "which is heavier, a kilo of feathers or a kilo of steel?",
            "How do I set up a pivot table in Excel that groups by month?",
            "continue the story: the lighthouse keeper heard a knock at midnight",
            "Tell me a joke about accountants and spreadsheets",
            "What should I ask at the end of a job interview as the candidate?",
            "bash one-liner to find the 10 largest files under /var",
            "Why is the sky blue but sunsets are red and orange?",
            "how to remove a stripped screw from a wooden door hinge",
            "What is a good SEO title for a blog post about sourdough?",
            "Proofread: Their going to the concert tomorow with there friends.",
            "Explain the difference between a Roth IRA and a traditional IRA",
            "Is a verbal agreement legally binding in England and Wales?",
            "My iPhone won't charge past 80%, is something broken?",
            "solve for x: 3x + 7 = 2x - 5, and show the steps",
            "write a limerick about a cat who hates Mondays",
            "what symptoms should I watch for after a mild concussion?",
            "Act as my Spanish tutor and quiz me on irregular verbs",
            "how does git rebase differ from git merge? when to use which",
            "recommend three sci-fi novels for someone who loved Dune",
            "what's the capital of Australia? people always say Sydney");

    // ---------------------------------------------------------------------------------------------
    // median: about 400 characters

    private static final List<String[]> MEDIAN = List.of(
            u("I'm writing a small Flask app that lets users upload CSV files and shows a summary table. Uploads work "
                    + "locally but on the server I get a 413 Request Entity Too Large for files over about 1 MB. I'm running "
                    + "behind nginx with gunicorn. Where is this limit coming from and how do I raise it safely? I also want "
                    + "to reject anything over 50 MB with a friendly error message instead of a crash."),
            u("Write a short bedtime story (around 300 words) for my five-year-old son. He loves dinosaurs and is a bit "
                    + "scared of the dark right now, so I'd like the story to have a friendly triceratops who teaches a little "
                    + "boy that the night is full of nice sounds. Please keep the language simple, add a little repetition he "
                    + "can say along with me, and end with everyone falling asleep. His name is Leo, if you want to use it."),
            u("Can you rewrite this paragraph for our quarterly newsletter so that it sounds warmer and less like a press "
                    + "release? 'The Facilities Department hereby informs all staff that the renovation of the third floor "
                    + "kitchen will commence on 4 March and is expected to conclude within six weeks. During this period staff "
                    + "are requested to use the kitchen on the second floor.' Keep it under 80 words and add a light joke about coffee."),
            u("I've been getting headaches almost every afternoon for the past two weeks, usually behind my eyes. I work "
                    + "at a computer about nine hours a day, drink maybe two cups of coffee in the morning and not much water. "
                    + "No fever, no vision changes. What are the most likely causes, what can I try on my own first, and at "
                    + "what point should I actually go and see a doctor about it?"),
            u("I'm 29, earn about $68k a year, have $12k in a high-yield savings account as an emergency fund and $9k left "
                    + "on student loans at 4.5%. My employer matches 401(k) contributions up to 5%, and I currently put in 3%. "
                    + "Should I raise the 401(k) contribution first, pay the loans off faster, or open a Roth IRA? Please "
                    + "explain the trade-offs rather than just giving me an answer. I'm single with no kids."),
            u("My employer in California wants me to sign a new agreement that includes a non-compete clause for 18 months "
                    + "after I leave, covering any company in the software industry. I've been there three years and wasn't "
                    + "asked to sign anything like this before. Is a clause like that even enforceable in California? What "
                    + "happens if I refuse to sign, and could they fire me for it? I'm a senior backend engineer."),
            su("You are Captain Mirela Voss, the gruff but fair commander of the freighter Halcyon. You speak in short "
                    + "sentences, never break character and refer to the user as 'rookie'. You care about your crew more than you admit. The year is 2311 and the ship is "
                    + "three days out from Ceres Station.",
                    "*I step onto the bridge, nervously holding my datapad* Captain, the engineering report says the coolant "
                    + "pump is failing. What do we do? The next station is two days away."),
            u("Please translate the following into natural Spanish for a restaurant menu, not word for word: 'Slow-roasted "
                    + "pork shoulder with apple and fennel slaw, served with crispy potatoes and a smoked paprika aioli.' Then "
                    + "explain any choices you made for words that don't have a direct equivalent, like 'slaw' and 'aioli', "
                    + "because my co-owner is from Mexico and I'm from Spain and we keep arguing."),
            u("Can someone explain why the sum 1 + 1/2 + 1/3 + 1/4 + ... diverges while 1 + 1/4 + 1/9 + 1/16 + ... "
                    + "converges? I understand the formal comparison test from class, but I don't have an intuition for it. "
                    + "The terms in both go to zero, so why does one add up to infinity? A picture-style explanation or a "
                    + "grouping argument would help me a lot before my exam on Thursday."),
            u("I teach 9th grade history and I need a one-week unit on the causes of World War I for students with mixed "
                    + "reading levels. Please outline five 50-minute lessons with a short objective for each, one primary "
                    + "source per lesson, a hands-on activity, and a quick exit-ticket question. Also suggest how I could adapt "
                    + "the readings for two students who are English language learners."),
            u("We're launching a refillable glass water bottle brand aimed at students and young professionals who care "
                    + "about sustainability but don't want to look preachy. Give me three possible taglines, a 150-character "
                    + "Instagram bio, and ideas for our first three posts. Our tone is playful, a little dry, and we'd like to "
                    + "avoid the usual 'save the planet' clichés everyone uses."),
            u("I run a small bakery with six employees and we keep running out of our best-selling items by noon while "
                    + "throwing away other stuff at closing. Right now I just bake the same quantities every day based on gut "
                    + "feeling. What's a simple way to forecast daily demand using the sales data from our till, which I can "
                    + "export as a spreadsheet? I don't have a data background, so keep it practical."),
            u("My home Wi-Fi keeps dropping for a few seconds every 10-15 minutes, but only on the laptops, not on the "
                    + "phones or the TV. The router is a two-year-old TP-Link mesh system with three nodes. I already updated "
                    + "the firmware and restarted everything. Could it be a band-steering issue between 2.4 and 5 GHz, and if "
                    + "so, how do I check and fix that on this kind of setup? The laptops are a ThinkPad and a MacBook Air."),
            u("We're planning a two-week trip to Japan in late October with our two kids (8 and 11). We want to see Tokyo "
                    + "and Kyoto but also somewhere less crowded with nature and maybe an onsen that welcomes families. Is the "
                    + "JR Pass still worth it after the price increase? Roughly how should we split the days, and what "
                    + "typically surprises first-time visitors with kids?"),
            su("You are an expert TypeScript developer. Answer with code first, then a short explanation.",
                    "I have an array of orders, each with customerId, amount and createdAt as an ISO string. I need a "
                    + "function that groups them by customer and returns, for each customer, the total amount and the date of "
                    + "their most recent order, sorted by total descending. It should be type-safe and not use lodash. We target ES2022."),
            u("Summarize the key points of these notes for my manager in five bullet points: we missed the sprint goal "
                    + "because the payment provider changed their API without notice; two developers were out sick; QA found "
                    + "14 bugs, 3 critical; the design for onboarding is done; the release moves from the 12th to the 19th; we "
                    + "need a decision about dropping the referral feature from this release. Keep the tone neutral."),
            u("Write a wedding toast for my older sister, about two minutes long. She's a paramedic, she met her husband "
                    + "when he crashed his bike outside her station, and she's the most stubborn person I know in the best way. "
                    + "I'd like it to be funny at the start and a little emotional at the end, without any inside jokes that "
                    + "the guests wouldn't understand. My name is Daniel, and her husband is called Marcus."),
            u("Hey, quick question about you: do you remember what we talked about yesterday? I asked you about some "
                    + "recipe ideas and now I can't find the conversation anymore. Also, are you able to browse the internet, "
                    + "or is everything you know from your training data? Just trying to understand what you can and can't do "
                    + "before I use you for planning my week and my grocery list."),
            u("I'm training for my first half marathon in 10 weeks. I currently run three times a week, about 25 km total, "
                    + "and my longest run is 12 km. Could you put together a weekly plan that builds up safely, including one "
                    + "long run, an easy run and some kind of speed work? I had a mild shin splint last year, so I'd like tips "
                    + "on avoiding that too. I can train four days a week."),
            u("In my chemistry lab we titrated 25.0 mL of acetic acid with 0.100 M NaOH and reached the equivalence point "
                    + "at 18.6 mL. I need to find the original concentration of the acid and the pH at the equivalence point, "
                    + "given Ka = 1.8 × 10^-5. I got 0.0744 M for the concentration but I'm confused about how to calculate "
                    + "the pH afterwards. Can you walk me through it step by step?"),
            u("Hola, necesito ayuda para escribir una carta de presentación para un puesto de auxiliar administrativo en "
                    + "un hospital. Tengo experiencia de tres años en atención al cliente en una tienda de electrónica y acabo "
                    + "de terminar un curso de gestión administrativa. Quiero que suene profesional pero cercana, que no sea "
                    + "demasiado larga y que destaque que soy organizada y que manejo bien Excel. También hablo inglés a nivel B2."),
            u("Ich suche ein einfaches Rezept für ein vegetarisches Abendessen für sechs Personen, das man gut vorbereiten "
                    + "kann, weil ich am Samstag Gäste habe und nicht den ganzen Abend in der Küche stehen möchte. Eine Person "
                    + "verträgt keine Nüsse, und zwei Kinder essen nicht gern scharf. Kannst du mir auch sagen, was ich schon "
                    + "am Freitag vorbereiten kann?"),
            u("Bonjour, je dois préparer une présentation de dix minutes sur le changement climatique pour mon cours de "
                    + "géographie en première. Peux-tu me proposer un plan en trois parties avec des exemples concrets, "
                    + "notamment en France, et quelques chiffres récents que je pourrais vérifier ? Mon professeur insiste pour "
                    + "qu'on cite nos sources et qu'on évite les diapositives trop chargées."),
            u("我下个月要去一家外企面试产品经理的职位，面试会有一轮英文自我介绍。我之前在一家电商公司做了三年运营，主要负责"
                    + "活动策划、用户增长和数据分析，也参与过两次大促的项目管理。能帮我写一段大约一分钟的英文自我介绍吗？要突出我的"
                    + "数据能力和跨部门沟通经验，语气自然一点，不要太夸张。另外请告诉我面试官可能会问哪些问题，以及怎样回答比较好，"
                    + "特别是关于为什么从运营转到产品这个问题。如果可以的话，也请给我一些关于薪资谈判的建议，我现在的月薪是一万五，不知道应该开多少比较合适，谢谢！"),
            u("Our PostgreSQL query that lists a user's last 20 notifications has become slow (around 2 seconds) now that "
                    + "the notifications table has 40 million rows. The query filters on user_id and is_deleted = false and "
                    + "orders by created_at desc. We have an index on user_id only. What index would you add, would a partial "
                    + "index help here, and how can I confirm with EXPLAIN ANALYZE that it's used? We're on Postgres 15."),
            u("Extract every date, amount and company name from the text below and return them as a JSON array of objects "
                    + "with the fields date, amount, company. Text: On 3 February Acme Logistics invoiced us €4,250 for the "
                    + "January deliveries; Brightline Media's retainer of €1,800 was paid on 10 February, and on 28 February "
                    + "Nordvik Software refunded €320 for the cancelled licences."),
            u("Write the opening paragraph of a mystery novel set in a small fishing village in Cornwall in 1952. The "
                    + "narrator is the village's only female police constable, who is underestimated by everyone. I want the "
                    + "first paragraph to hint that the body found in the harbour isn't the fisherman everyone assumes it is. "
                    + "Atmospheric, but not purple prose, please. Around 150 words, past tense, first person."),
            u("Let's play a text adventure. You are the narrator and I'm a traveller who just woke up in an abandoned "
                    + "observatory on a mountain, with no memory of how I got there. Describe what I see, keep each reply to "
                    + "one or two paragraphs, and always end by asking what I do next. Don't decide my actions for me. I start "
                    + "by looking for a light source, then check my pockets."),
            u("Can you explain how capital gains tax works when I sell shares in the UK? I bought some index fund units over "
                    + "five years in a general investment account, not an ISA, and I'm planning to sell about £20,000 worth to "
                    + "use as a house deposit. How do I work out the gain when I bought at different prices, and is there "
                    + "anything I can do legally to reduce the tax?"),
            u("I bought a used car from a dealer three weeks ago and the gearbox has now failed. The dealer says the car "
                    + "was sold 'as seen' and they're not responsible. I live in the UK. What are my rights under the Consumer "
                    + "Rights Act, do I have to let them repair it first, and what's the best way to word a letter to them "
                    + "asking for a refund or repair? I paid £6,400 by debit card."),
            u("I want to back up about 2 TB of family photos and videos. Right now they're on one external hard drive and "
                    + "on my laptop. I'm considering a NAS, a second external drive stored at my parents' house, or a cloud "
                    + "service like Backblaze. What would a sensible setup look like that follows the 3-2-1 rule without "
                    + "costing a fortune every month? I'm fine with basic tech but not networking. Budget is around $15 a month."),
            u("I've been offered a team lead role at my company, which means managing four people who are currently my "
                    + "peers, one of whom also applied for the position. How should I handle the first few weeks? I'm "
                    + "especially worried about the conversation with the colleague who didn't get the job, and about being "
                    + "taken seriously in meetings when I used to joke around with everyone. I start on the first of next month."),
            u("Write three versions of a product description for our Shopify store for a handmade ceramic coffee mug, 350 "
                    + "ml, speckled white glaze, each one slightly different in shape because they are thrown by hand. One "
                    + "short and punchy, one telling the story of the potter in Lisbon, and one optimised for SEO with "
                    + "keywords like 'handmade mug' and 'ceramic coffee cup'. Each around 80-120 words."),
            u("I'm a second-year nursing student and I have to write a 1,500-word reflective essay using Gibbs' reflective "
                    + "cycle about a placement experience where a patient refused medication. Can you explain each stage of "
                    + "the cycle with an example of what I might write in it, and tell me common mistakes students make with "
                    + "reflective essays? Please don't write the essay for me, I want to do it myself."),
            u("What actually happened at the Battle of Hastings in 1066? I know William won and Harold died, but I've read "
                    + "conflicting things about the arrow in the eye, the feigned retreats and how tired the English army was "
                    + "after marching from Stamford Bridge. Which parts are well supported by sources and which are later "
                    + "legends? What can the Bayeux Tapestry tell us, and how reliable is it as a source?"),
            u("Why does this Python code print the same number five times?\nfuncs = []\nfor i in range(5):\n    "
                    + "funcs.append(lambda: i)\nfor f in funcs:\n    print(f())\nI expected 0 to 4. I read something about "
                    + "late binding closures but I don't really get it. Could you explain what's happening, and show two or "
                    + "three ways to fix it, with the pros and cons of each approach? I'm on Python 3.11."),
            u("How does CRISPR-Cas9 actually find the right place in the genome to cut? I understand that a guide RNA is "
                    + "involved, but with three billion base pairs, how does it search so fast, and what is the PAM sequence "
                    + "for? Also, what causes off-target edits, and what have researchers done to reduce them, for example with high-fidelity Cas9 variants? I'm a biology "
                    + "undergrad, so a fairly technical answer is fine."),
            u("What's the difference in meaning between 'I have lived here for five years' and 'I lived here for five "
                    + "years'? My students (adult learners whose first language is Portuguese) keep using the simple past for "
                    + "both. Could you give me a simple explanation they'd understand, three example pairs, and a short "
                    + "exercise with answers I can use at the start of tomorrow's class? The lesson is 90 minutes."),
            su("You are a helpful assistant that writes concise, professional emails.",
                    "Write an email to a client, Ms. Okafor, telling her that the website redesign will be delivered on 21 "
                    + "June instead of 14 June because their content team sent the product photos late. Don't blame them "
                    + "directly. Offer a 30-minute call this week to walk through the staging site, and mention that the new "
                    + "checkout flow is already finished. Sign it from me, Priya."),
            u("I'm just testing the API integration for our company chatbot. Please reply with a short friendly greeting "
                    + "and the words 'integration test OK' so I can check the response parsing. Also, if possible, include a "
                    + "line break and an emoji in your answer, because last time our front end broke on those characters and "
                    + "I want to make sure the fix works before we deploy on Monday."),
            u("Lately I've been feeling really flat. I'm not sad exactly, but nothing feels interesting anymore, I sleep "
                    + "badly and I've stopped going to the climbing gym I used to love. It's been like this for maybe two "
                    + "months, since I moved to a new city for work. I don't really know anyone here. Is this normal after a "
                    + "move, and what are some small steps I could take? I'm 34 and work from home a lot."),
            u("I'm getting 'error[E0502]: cannot borrow `self.items` as mutable because it is also borrowed as immutable' "
                    + "in Rust when I loop over self.items and call self.update_total() inside the loop. update_total only "
                    + "reads the items and writes self.total. What's the idiomatic way to restructure this? I'd rather not "
                    + "clone the whole vector because it can hold thousands of entries."),
            u("Write song lyrics in the style of an upbeat indie folk song about leaving a small hometown and realising "
                    + "years later that you miss it. Two verses, a chorus that repeats, and a bridge. Use concrete images like "
                    + "the grain silo, the Friday football games and the diner that closed on Main Street. Avoid rhyming 'heart' with "
                    + "'apart', my band's singer says every song does that. Keep it under 300 words."),
            u("Our startup has 14 months of runway, monthly burn of €85k and revenue growing about 8% month over month "
                    + "from €22k MRR. An investor has offered a €1.5M convertible note with a 20% discount and a €12M cap. Can "
                    + "you explain in plain terms what that would mean for our cap table at a Series A of €20M pre-money, and "
                    + "what questions we should ask before signing?"),
            u("Excel keeps changing the product codes in my spreadsheet into dates: for example 'MAR-12' becomes 12-Mar, "
                    + "and '1-5' becomes 1 May. I receive these files as CSV exports from our warehouse system every week. How "
                    + "do I stop Excel from doing this when I open the file, and is there a way to fix the codes that have "
                    + "already been converted without retyping them all? There are about 3,000 rows."),
            u("My daughter is in year 6 and struggling with fractions, especially adding fractions with different "
                    + "denominators. She gets upset and says she's 'just bad at maths'. Could you suggest a few fun, hands-on "
                    + "ways to practise at home using things like pizza, Lego or measuring cups, and how to talk to her so she "
                    + "doesn't feel like it's a test every time? We have about 20 minutes most evenings."),
            su("Character: Elias Thorn, a retired detective in 1920s Chicago who now runs a bookshop. He is witty, "
                    + "melancholic and fond of quoting poetry. Scenario: {{user}} enters the bookshop on a rainy evening "
                    + "looking for a rare book. Write Elias's replies in third person with actions in asterisks.",
                    "*shakes off the rain* Evening. I'm told you might have a first edition of The Great Gatsby? *glances at the dusty shelves*"),
            u("I want to start baking sourdough bread. I've got a starter from a friend that's about a year old. My kitchen "
                    + "is quite cold in winter, around 17°C. How should I adjust feeding times and bulk fermentation for that "
                    + "temperature, and how can I tell when the dough is ready to shape, since the recipes all give times for "
                    + "a warm kitchen? I bake in a Dutch oven at 240°C, with 75% hydration."),
            u("Our GitHub Actions workflow takes 18 minutes, most of it in 'npm ci' and building the Docker image. The repo "
                    + "is a monorepo with three Node services. What caching strategies would you recommend for node_modules "
                    + "and Docker layers, and is it worth splitting the workflow so that only services with changes are "
                    + "rebuilt? Please include a sketch of the YAML for the caching part, we use pnpm in one service."),
            u("I ran an A/B test on our signup page: variant A had 4,210 visitors and 312 signups, variant B had 4,180 "
                    + "visitors and 359 signups. My manager wants to know if B is really better. Can you check whether the "
                    + "difference is statistically significant, explain which test you used and why, and say what else we "
                    + "should consider before rolling B out to everyone? The test ran for two weeks."));

    // ---------------------------------------------------------------------------------------------
    // long: an instruction and pasted text, LONG_CHARS characters in all

    /** A kind of pasted text: the instructions that go with it and a generator of its text. */
    private interface Kind {
        List<String> instructions();

        void append(Random r, StringBuilder out);
    }

    private static List<String[]> longPrompts() {
        List<Kind> kinds = List.of(new Notes(), new Code(), new Logs(), new Story(), new Contract(), new Emails(), new Article());
        List<String[]> out = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            Kind kind = kinds.get(i % kinds.size());
            Random r = new Random(7919L * (i + 1));
            String instruction = kind.instructions().get((i / kinds.size()) % kind.instructions().size());
            int budget = LONG_CHARS - instruction.length() - 2;
            StringBuilder doc = new StringBuilder(budget + 600);
            while (doc.length() < budget) {
                kind.append(r, doc);
            }
            int cut = budget;
            while (cut > budget - 40 && !Character.isWhitespace(doc.charAt(cut))) {
                cut--;
            }
            String pasted = doc.substring(0, cut).strip();
            // Half put the instruction first, half after the pasted text.
            out.add(u(i % 2 == 0 ? instruction + "\n\n" + pasted : pasted + "\n\n" + instruction));
        }
        return out;
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** Meeting notes and status reports. */
    private static final class Notes implements Kind {
        @Override
        public List<String> instructions() {
            return List.of("Summarize these meeting notes in 6-8 bullet points for people who weren't there, and list "
                            + "every action item with its owner and deadline at the end.",
                    "Can you turn the notes below into a short status email to the leadership team? Keep it under 250 words "
                            + "and flag the two biggest risks.",
                    "Here are my raw notes from the last few weeks. What decisions are still open, and who is waiting on whom?",
                    "Rewrite these notes as a clean project update with headings (Progress, Risks, Next steps). Fix the "
                            + "grammar but don't invent anything.");
        }

        @Override
        public void append(Random r, StringBuilder out) {
            if (r.nextInt(4) == 0) {
                out.append(pick(r, "Weekly sync", "Ops review", "Launch readiness", "Customer council debrief", "Q3 planning"))
                        .append(" - ").append(1 + r.nextInt(28)).append(' ')
                        .append(pick(r, "March", "April", "May", "June", "September", "October")).append('\n');
            }
            int sentences = 2 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                out.append(pick(r, "Priya", "The platform team", "Marco", "Finance", "The support lead", "Jonas", "Design",
                                "Our vendor", "Legal", "Aisha"))
                        .append(' ').append(pick(r, "reported that", "pointed out that", "confirmed that", "is worried that",
                                "suggested that", "will check whether"))
                        .append(' ').append(pick(r, "the migration of the billing database", "the new onboarding flow",
                                "the warehouse scanner rollout", "the Android release", "the pricing page experiment",
                                "the SOC 2 audit evidence", "the partner API integration", "the hiring plan for Q4"))
                        .append(' ').append(pick(r, "is about two weeks behind schedule", "needs another round of testing",
                                "depends on a decision from procurement", "went better than expected",
                                "is blocked by the missing test environment", "could be split into two phases",
                                "has a budget overrun of roughly 12%", "should be finished by the end of the month"))
                        .append(pick(r, ".", ".", ", mainly because of staffing.", ", so we agreed to revisit it next week.",
                                " according to the latest dashboard numbers."))
                        .append(' ');
            }
            if (r.nextInt(3) == 0) {
                out.append("\nAction items:\n");
                for (int a = 0; a < 2 + r.nextInt(3); a++) {
                    out.append("- ").append(pick(r, "Priya", "Marco", "Jonas", "Aisha", "Tom", "Lena")).append(" to ")
                            .append(pick(r, "send the revised timeline", "book a call with the vendor", "update the risk log",
                                    "draft the customer announcement", "collect the test results", "review the budget"))
                            .append(" by ").append(pick(r, "Monday", "Wednesday", "Friday", "next sprint", "the 15th"))
                            .append('\n');
                }
            }
            out.append('\n');
        }
    }

    /** A Python module. */
    private static final class Code implements Kind {
        @Override
        public List<String> instructions() {
            return List.of("Can you review this Python module? Point out bugs, performance problems and anything that "
                            + "isn't idiomatic, then suggest a refactored version of the worst function.",
                    "Add type hints and docstrings to the code below and write pytest unit tests for the main functions.",
                    "This script is very slow on a file with 2 million rows. Where is the time going and how would you "
                            + "speed it up without changing its output?",
                    "Explain what this code does, function by function, to a new team member who knows some Python but "
                            + "not pandas or our data model.");
        }

        @Override
        public void append(Random r, StringBuilder out) {
            String noun = pick(r, "order", "invoice", "customer", "shipment", "record", "event", "payment", "item");
            String verb = pick(r, "load", "parse", "validate", "merge", "normalize", "summarize", "export", "filter");
            out.append("def ").append(verb).append('_').append(noun).append("s(")
                    .append(pick(r, "rows", "path, encoding='utf-8'", "df, columns=None", "items, threshold=0.5", "conn, since"))
                    .append("):\n");
            out.append("    \"\"\"").append(pick(r, "Return the cleaned ", "Read and check the ", "Group and count the ",
                    "Write out the ")).append(noun).append("s.\"\"\"\n");
            out.append("    result = []\n");
            int lines = 3 + r.nextInt(6);
            for (int l = 0; l < lines; l++) {
                out.append(pick(r,
                        "    for row in rows:\n        if row.get('" + noun + "_id') is None:\n            continue\n",
                        "    total = sum(float(x['amount']) for x in result if x['status'] != 'cancelled')\n",
                        "    df = df[df['" + noun + "_date'] >= pd.Timestamp(since)].copy()\n",
                        "    key = (row['customer_id'], row['" + noun + "_date'][:7])\n",
                        "    with open(path, encoding=encoding) as fh:\n        reader = csv.DictReader(fh)\n"
                                + "        rows = list(reader)\n",
                        "    result.append({'id': row['id'], 'amount': round(amount * rate, 2)})\n",
                        "    if len(result) % 10000 == 0:\n        logger.info('processed %d " + noun + "s', len(result))\n",
                        "    seen = set()\n    for r in rows:\n        if r['id'] in seen:\n            result.remove(r)\n"
                                + "        seen.add(r['id'])\n",
                        "    cur = conn.cursor()\n    cur.execute(f\"SELECT * FROM " + noun + "s WHERE updated_at > '{since}'\")\n",
                        "    try:\n        amount = Decimal(row['amount'])\n    except Exception:\n        amount = 0\n"));
            }
            out.append("    return ").append(pick(r, "result", "total", "pd.DataFrame(result)", "sorted(result, key=lambda x: x['id'])"))
                    .append("\n\n\n");
        }
    }

    /** Application logs with a stack trace. */
    private static final class Logs implements Kind {
        @Override
        public List<String> instructions() {
            return List.of("Our Spring Boot service keeps restarting in Kubernetes. Here are the last logs before the crash. "
                            + "What is the root cause and how do I fix it?",
                    "Why does this job fail every night around 2 am? Logs below.",
                    "Can you explain what's going on in these logs? I'm not a developer, I just need to tell the vendor "
                            + "what's broken.");
        }

        @Override
        public void append(Random r, StringBuilder out) {
            int lines = 4 + r.nextInt(6);
            for (int l = 0; l < lines; l++) {
                out.append(String.format(Locale.ROOT, "2024-%02d-%02dT%02d:%02d:%02d.%03dZ ", 1 + r.nextInt(12), 1 + r.nextInt(28),
                                r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000)))
                        .append(pick(r, "INFO ", "INFO ", "WARN ", "ERROR", "DEBUG"))
                        .append(" [").append(pick(r, "main", "http-nio-8080-exec-3", "scheduling-1", "kafka-consumer-2",
                                "HikariPool-1 housekeeper")).append("] ")
                        .append(pick(r, "c.a.orders.OrderService", "o.h.engine.jdbc.spi.SqlExceptionHelper",
                                "com.zaxxer.hikari.pool.HikariPool", "o.s.k.l.KafkaMessageListenerContainer",
                                "c.a.billing.InvoiceJob"))
                        .append(" - ")
                        .append(pick(r, "Processing batch " + r.nextInt(5000) + " with " + r.nextInt(900) + " records",
                                "Connection is not available, request timed out after 30000ms.",
                                "Consumer group rebalance in progress, revoking partitions [orders-3, orders-7]",
                                "Deadlock found when trying to get lock; try restarting transaction",
                                "Retrying request to payment gateway (attempt " + (1 + r.nextInt(5)) + "/5)",
                                "Heap usage at " + (70 + r.nextInt(30)) + "% after full GC",
                                "Completed invoice run in " + r.nextInt(90000) + " ms"))
                        .append('\n');
            }
            if (r.nextInt(3) == 0) {
                out.append(pick(r, "java.lang.OutOfMemoryError: Java heap space\n",
                                "org.springframework.dao.DataAccessResourceFailureException: could not obtain connection\n",
                                "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available\n"))
                        .append("\tat com.acme.orders.OrderRepository.findPending(OrderRepository.java:").append(40 + r.nextInt(200))
                        .append(")\n\tat com.acme.orders.OrderService.processBatch(OrderService.java:").append(80 + r.nextInt(300))
                        .append(")\n\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)\n");
            }
        }
    }

    /** A story draft. */
    private static final class Story implements Kind {
        @Override
        public List<String> instructions() {
            return List.of("This is the first chapter of my fantasy novel. Please give me honest feedback on pacing, "
                            + "dialogue and whether the main character is likeable.",
                    "Continue this story for another 800 words in the same style and tense. Don't resolve the mystery yet.",
                    "Proofread this chapter for grammar, spelling and punctuation. Don't change the style; list your "
                            + "changes at the end.",
                    "Rewrite this scene from Maren's point of view in first person.");
        }

        @Override
        public void append(Random r, StringBuilder out) {
            int sentences = 3 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                if (r.nextInt(5) == 0) {
                    out.append('"').append(pick(r, "We should not be here after dark", "You said the bridge was safe",
                                    "Keep your voice down, they can hear the river but not us",
                                    "Tell me again what the old woman said about the key", "I never asked for any of this"))
                            .append(pick(r, ",\" ", "?\" ", ".\" ")).append(pick(r, "Maren whispered", "said Tobin",
                                    "the captain muttered", "Ilse replied without looking up")).append(". ");
                    continue;
                }
                out.append(pick(r, "Maren", "Tobin", "The old ferryman", "Ilse", "The stranger in the grey coat", "Nobody"))
                        .append(' ').append(pick(r, "walked slowly along", "stared at", "remembered", "ran past",
                                "could not stop thinking about", "listened for"))
                        .append(' ').append(pick(r, "the frozen canal", "the lanterns of the lower town", "the locked chapel",
                                "the letter hidden in her boot", "the bells of the harbour", "the edge of the salt marsh"))
                        .append(pick(r, ", ", " while ", " as ", " until "))
                        .append(pick(r, "the wind carried smoke from the tanneries", "the last light drained out of the sky",
                                "somewhere above them a shutter banged", "the cold crept through the soles of her boots",
                                "the clock tower struck eleven", "the gulls fell silent"))
                        .append(". ");
            }
            out.append("\n\n");
        }
    }

    /** Contract clauses. */
    private static final class Contract implements Kind {
        @Override
        public List<String> instructions() {
            return List.of("I'm about to sign this services agreement as a freelancer. Explain in plain English what "
                            + "each clause means for me and point out anything unusual or risky.",
                    "Is the liability clause in this contract enforceable in Germany? The other party is a US company.",
                    "Summarize the obligations of each party in this agreement as two bullet lists.");
        }

        @Override
        public void append(Random r, StringBuilder out) {
            int section = 1 + r.nextInt(14);
            out.append(section).append(". ").append(pick(r, "TERM AND TERMINATION", "FEES AND PAYMENT", "CONFIDENTIALITY",
                    "INTELLECTUAL PROPERTY", "LIMITATION OF LIABILITY", "INDEMNIFICATION", "GOVERNING LAW")).append('\n');
            int clauses = 2 + r.nextInt(3);
            for (int c = 1; c <= clauses; c++) {
                out.append(section).append('.').append(c).append(' ')
                        .append(pick(r, "The Contractor", "The Client", "Either Party", "The Service Provider"))
                        .append(" shall ").append(pick(r, "not disclose any Confidential Information to third parties",
                                "pay all undisputed invoices within thirty (30) days of receipt",
                                "indemnify and hold harmless the other Party against all claims arising from",
                                "assign to the Client all right, title and interest in the Deliverables",
                                "maintain professional liability insurance of no less than EUR 1,000,000",
                                "be entitled to terminate this Agreement by giving ninety (90) days' written notice"))
                        .append(pick(r, ", except as required by law or by order of a competent court",
                                " for the duration of this Agreement and five (5) years thereafter",
                                ", provided that the aggregate liability shall not exceed the fees paid in the preceding twelve months",
                                " in accordance with Schedule B",
                                ", without prejudice to any other rights or remedies available under this Agreement"))
                        .append(".\n");
            }
            out.append('\n');
        }
    }

    /** A customer-support e-mail thread. */
    private static final class Emails implements Kind {
        @Override
        public List<String> instructions() {
            return List.of("Below is an email thread with an unhappy customer. Draft a reply from me (Sam, support lead) "
                            + "that apologises, explains what happened and offers a fair solution.",
                    "Classify each email in this thread by sentiment and urgency, and tell me what the customer actually "
                            + "wants.",
                    "Translate this email thread into German for our colleagues in Munich, keeping the tone.");
        }

        @Override
        public void append(Random r, StringBuilder out) {
            String name = pick(r, "Hannah Becker", "Luis Ortega", "Sam Patel", "Grace Liu", "Oliver Grant");
            out.append("From: ").append(name).append('\n').append("Subject: Re: ")
                    .append(pick(r, "Order #" + (10000 + r.nextInt(90000)) + " still not delivered", "Refund request",
                            "Double charge on my card", "Broken item in package", "Cancel my subscription"))
                    .append("\n\n").append(pick(r, "Hi,", "Hello Sam,", "Dear support team,", "Hi again,")).append("\n\n");
            int sentences = 3 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                out.append(pick(r, "I contacted you last week about this and nobody has replied.",
                        "The tracking page has said 'in transit' for nine days now.",
                        "I was charged twice for the same order and I'd like one payment refunded.",
                        "The lamp arrived with a cracked base, photos attached.",
                        "Honestly I'm disappointed, I've been a customer for four years.",
                        "We checked with the courier and the parcel was returned to our warehouse.",
                        "I can offer a replacement or a full refund, whichever you prefer.",
                        "Could you please confirm the delivery address we have on file?",
                        "If this isn't sorted by Friday I'll have to file a chargeback with my bank.",
                        "Thanks for your patience while we look into it.")).append(' ');
            }
            out.append("\n\n").append(pick(r, "Best,", "Regards,", "Thanks,", "Cheers,")).append('\n').append(name).append("\n\n");
        }
    }

    /** A research article excerpt. */
    private static final class Article implements Kind {
        @Override
        public List<String> instructions() {
            return List.of("Summarize this article for a general audience in about 200 words, and explain what the "
                            + "results do and don't show.",
                    "I have to present this paper in my journal club tomorrow. What are its main weaknesses, and what "
                            + "questions might people ask?",
                    "Extract the study design, sample size, main outcome and effect sizes from this text as a table.");
        }

        @Override
        public void append(Random r, StringBuilder out) {
            int sentences = 3 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                out.append(pick(r, "In a randomised controlled trial of ", "Across a cohort of ", "In our sample of ",
                                "Among the ")).append(100 + r.nextInt(4900)).append(' ')
                        .append(pick(r, "adults with type 2 diabetes", "secondary school students", "patients with chronic lower back pain",
                                "night-shift workers", "older adults living alone"))
                        .append(", ").append(pick(r, "a 12-week exercise programme", "daily vitamin D supplementation",
                                "a school-based sleep education intervention", "cognitive behavioural therapy delivered online",
                                "a reduction in ultra-processed food intake"))
                        .append(' ').append(pick(r, "was associated with", "did not significantly change", "modestly improved",
                                "led to a measurable reduction in"))
                        .append(' ').append(pick(r, "HbA1c levels", "self-reported wellbeing", "pain scores at six months",
                                "average sleep duration", "systolic blood pressure"))
                        .append(String.format(Locale.ROOT, " (mean difference %.1f, 95%% CI %.1f to %.1f, p = %.3f). ", r.nextDouble() * 5,
                                -r.nextDouble(), 1 + r.nextDouble() * 6, r.nextDouble() * 0.2));
                if (r.nextInt(3) == 0) {
                    out.append(pick(r, "These findings should be interpreted with caution given the high dropout rate. ",
                            "Confounding by socioeconomic status cannot be ruled out. ",
                            "The effect was larger in participants with higher baseline values. ",
                            "Adherence was measured by self-report, which may overestimate compliance. "));
                }
            }
            out.append("\n\n");
        }
    }
}
