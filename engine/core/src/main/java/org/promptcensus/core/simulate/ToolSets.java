package org.promptcensus.core.simulate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The tool definitions a simulated request offers when it ends in a tool call, in the OpenAI
 * {@code tools} shape, as compact JSON: a coding agent's tools for programming and technology, a
 * calculator and code runner for science, web search and fetch for everything else.
 *
 * <p>Immutable and thread-safe.
 */
final class ToolSets {
    private static String function(String name, String description, String properties, String required) {
        return "{\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"description\":\"" + description
                + "\",\"parameters\":{\"type\":\"object\",\"properties\":{" + properties + "},\"required\":[" + required + "]}}}";
    }

    private static final String READ_FILE = function("read_file", "Read a file from the workspace.",
            "\"path\":{\"type\":\"string\"}", "\"path\"");
    private static final String EDIT_FILE = function("edit_file", "Replace text in a file of the workspace.",
            "\"path\":{\"type\":\"string\"},\"old\":{\"type\":\"string\"},\"new\":{\"type\":\"string\"}", "\"path\",\"old\",\"new\"");
    private static final String RUN = function("run_command", "Run a shell command in the workspace and return its output.",
            "\"command\":{\"type\":\"string\"}", "\"command\"");
    private static final String GREP = function("search_code", "Search the workspace for a regular expression.",
            "\"pattern\":{\"type\":\"string\"},\"glob\":{\"type\":\"string\"}", "\"pattern\"");
    private static final String SEARCH = function("web_search", "Search the web.",
            "\"query\":{\"type\":\"string\"}", "\"query\"");
    private static final String FETCH = function("fetch_url", "Fetch a web page as text.",
            "\"url\":{\"type\":\"string\"}", "\"url\"");
    private static final String CALC = function("calculator", "Evaluate an arithmetic expression.",
            "\"expression\":{\"type\":\"string\"}", "\"expression\"");
    private static final String PYTHON = function("run_python", "Run Python code and return stdout.",
            "\"code\":{\"type\":\"string\"}", "\"code\"");
    private static final String TIME = function("get_current_time", "The current date and time.",
            "\"timezone\":{\"type\":\"string\"}", "");

    private static final List<String> CODING = List.of(array(READ_FILE, EDIT_FILE, RUN, GREP), array(READ_FILE, EDIT_FILE, RUN),
            array(READ_FILE, GREP, SEARCH));
    private static final List<String> SCIENCE = List.of(array(CALC, PYTHON), array(PYTHON, SEARCH));
    private static final List<String> GENERAL = List.of(array(SEARCH, FETCH), array(SEARCH, FETCH, TIME), array(SEARCH));

    private ToolSets() {
    }

    private static String array(String... tools) {
        return "[" + String.join(",", tools) + "]";
    }

    /**
     * @param category the request's category
     * @param random a random source
     * @return a {@code tools} array as compact JSON
     */
    static String pick(String category, SplittableRandom random) {
        List<String> sets = switch (category) {
            case "programming", "technology" -> CODING;
            case "science_math", "finance" -> SCIENCE;
            default -> GENERAL;
        };
        return sets.get(random.nextInt(sets.size()));
    }
}
