package org.promptcensus.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic request bodies for the tests (made up here; no external corpus). */
final class Bodies {
    private static final String[] USER = {
        "Write a Python function that parses a CSV file with quoted fields and returns a list of dicts.",
        "Translate this sentence into French: the meeting has been moved to Thursday afternoon.",
        "Write a short poem about the sea at night, in four stanzas.",
        "What are the symptoms of iron deficiency and how is it usually treated?",
        "Summarise the following paragraph in two sentences: Our quarterly revenue grew by eight percent.",
        "Explain the difference between a Roth IRA and a traditional IRA for someone in their thirties.",
        "You are Aria, a cheerful tavern keeper in a fantasy town. Stay in character. *wipes the counter*",
        "How do I reset the BIOS password on an old Dell laptop?",
        "Draft a marketing email announcing our new eco-friendly water bottle to existing customers.",
        "Prove that the square root of two is irrational.",
        "Can my landlord keep my deposit for normal wear and tear in California?",
        "Give me a lesson plan for teaching fractions to ten-year-olds.",
        "Who won the football world cup in 1998 and who scored in the final?",
        "Fix this SQL: SELECT name, COUNT(*) FROM users GROUP BY id HAVING COUNT > 2",
        "hello, how are you today?",
    };
    private static final String[] MODELS = {"openai/gpt-4o", "anthropic/claude-3-5-sonnet", "deepseek/deepseek-chat",
        "meta-llama/llama-3.1-70b-instruct", "google/gemini-1.5-flash"};

    private Bodies() {
    }

    /** @return n chat-request bodies, varied, seeded */
    static List<String> chats(int n, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String user = USER[r.nextInt(USER.length)] + " (case " + i + ")";
            String sys = r.nextInt(3) == 0 ? "{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"}," : "";
            out.add("{\"id\":\"c" + i + "\",\"model\":\"" + MODELS[r.nextInt(MODELS.length)] + "\",\"messages\":[" + sys
                    + "{\"role\":\"user\",\"content\":\"" + user.replace("\"", "\\\"") + "\"}]}");
        }
        return out;
    }

    /**
     * @return a gateway event record
     */
    static String event(String id, String user, String model, String prompt, long promptTokens, long completionTokens) {
        return "{\"id\":\"" + id + "\",\"user\":\"" + user + "\",\"model\":\"" + model + "\",\"request\":{\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + prompt + "\"}]},\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                + completionTokens + "},\"finish_reason\":\"stop\"}";
    }

    /** @return the index-th user prompt of the pool (cycled) */
    static String prompt(int index) {
        return USER[Math.floorMod(index, USER.length)];
    }

    /** @return a batch of n text records as NDJSON */
    static String ndjson(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"text\":\"").append(prompt(i)).append(" (").append(i).append(")\"}\n");
        }
        return sb.toString();
    }
}
