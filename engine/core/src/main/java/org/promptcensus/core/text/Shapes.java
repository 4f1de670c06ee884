package org.promptcensus.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.promptcensus.api.Request;

/**
 * Structural markers of a request, indexed as the {@code shape} field so rules can use them
 * ({@code shape:code_fence}) and given to the statistical model as features. They describe form,
 * not words: code, formulas, character-card templates, length, turns.
 */
public final class Shapes {
    /** Markers, as written in rules. */
    public static final List<String> ALL = List.of("code_fence", "code", "code_inline", "has_system", "multi_turn", "short", "long", "text_input", "pasted_text",
            "question", "url", "math", "numbers", "template_vars", "asterisk_action", "json", "cjk", "persona", "named_persona");

    /** A line that looks like code; {@link #codeLines} counts them. */
    static final Pattern CODE_LINE = Pattern.compile(
            "(?m)^\\s*(?:(?:def|class|import|from|return|if|for|while|public|private|static|const|let|var|function|"
                    + "#include|package|using|fn|func|SELECT|INSERT|UPDATE|CREATE|echo|sudo|npm|pip|git)\\b.*"
                    + "|.*[;{}]\\s*$|.*\\)\\s*:\\s*$|\\s*</?[a-zA-Z][^>]*>\\s*$|.*=>.*|\\s*//.*|\\s*#!.*)");
    /** A function definition opening a line: {@code def f(}, {@code function f(}, {@code func f(}, {@code fn f(}. */
    static final Pattern FUNCTION_DEF = Pattern.compile("(?m)^[ \\t]*(?:async[ \\t]+)?(?:def|function|func|fn)[ \\t]+[A-Za-z_$][\\w$]*[ \\t]*\\(");
    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
    /** What {@link #hasMath} looks for (the reference its scan is tested against). */
    static final Pattern MATH = Pattern.compile(
            "\\\\(?:frac|sum|int|sqrt|lim|alpha|beta|theta|pi|cdot|times)|\\$[^$\\n]{1,80}\\$"
                    + "|\\b\\d+\\s*[-+*/^=×÷]\\s*\\d+|[a-z]\\s*\\^\\s*\\d|\\b[xyz]\\s*[=+\\-]\\s*\\d|[∫∑√≤≥≠∞π]");
    /** What {@link #numbers} counts. */
    static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Pattern TEMPLATE_VARS = Pattern.compile("\\{\\{\\s*(?:char|user|Char|User)\\s*}}|<(?:START|BOT|USER)>");
    private static final Pattern ASTERISK_ACTION = Pattern.compile("\\*[^*\\n]{3,80}\\*");
    /** A user turn that opens by giving the model a persona: "act as", "you are a", "扮演", "你是". */
    private static final Pattern PERSONA = Pattern.compile(
            "^\\W*(?:(?:hi|hello|hey)\\W+)?(?:(?:i want|i'd like|i would like|i need) you to (?:act|pretend|play|be|roleplay|role-play)"
                    + "|(?:please )?act (?:as|like)|you are (?:a|an|the|now|my)\\b|you're (?:a|an|the|now|my)\\b|imagine (?:you are|you're|yourself)"
                    + "|pretend (?:you are|you're|to be)|(?:take on|assume|play) the role|role-?play as|from now on,? you"
                    + "|(?:请)?(?:你|您)(?:现在|来)?(?:是(?!谁|不是|否|什么|不)|扮演|作为)|(?:请)?扮演|假设你是|假如你是|想象你是|从现在(?:开始|起)，?你"
                    + "|我(?:希望|想让|想要|需要|要)你(?:能|来|可以)?(?:充当|扮演|担任|作为|成为))",
            Pattern.CASE_INSENSITIVE);
    /**
     * The model is given a named character: "You are Vincent van Gogh, ...", "Imagine you are
     * Sherlock Holmes", "Take the role of Hermione Granger". The opener is matched in any case, the
     * name must be capitalised; assistant names and job titles are not characters.
     */
    private static final Pattern NAMED_PERSONA = Pattern.compile(
            "^\\W*(?:(?i:imagine|pretend|suppose)\\s+)?(?i:you are|you're|you will be|you will play|take on the role of|take the role of"
                    + "|assume the role of|play the role of|role-?play as|pretend to be)\\s+"
                    + "([A-Z][\\p{L}'’.-]*(?:\\s+(?:(?:of|de|van|von|da|the)\\s+)?[A-Z][\\p{L}'’.-]*)*)");
    private static final java.util.Set<String> NOT_CHARACTERS = java.util.Set.of("I", "AI", "ChatGPT", "GPT", "GPT-4", "Claude", "Gemini",
            "Bard", "Copilot", "Assistant", "Bot", "Chatbot", "An", "A", "The", "Now", "My", "Senior", "Chief", "Head", "Lead", "Principal",
            "Expert", "Professional", "Certified", "Experienced", "Dr.", "Doctor", "Professor", "Prof.", "Mr.", "Ms.", "Mrs.", "CEO",
            "CTO", "CIO", "CFO", "IT", "Python", "Java", "JavaScript", "Linux", "SQL", "Excel", "Google", "Microsoft", "Amazon", "Apple");
    private static final Pattern JSON = Pattern.compile("\\{\\s*\"[^\"]{1,60}\"\\s*:");

    private Shapes() {
    }

    /**
     * @param system the classified system prompt
     * @param user the classified user turns
     * @param last the last user turn
     * @param request the request (for counts)
     * @param userTurns the number of user turns
     * @return the markers that apply, in {@link #ALL} order
     */
    static List<String> of(String system, String user, String last, Request request, int userTurns) {
        String all = system.isEmpty() ? user : system + "\n" + user;
        List<String> out = new ArrayList<>(6);
        if (all.contains("```")) {
            out.add("code_fence");
        }
        // Several code-like lines, or one function definition (a stub with a docstring to complete,
        // "def f(x):" with a question about it): code either way.
        if (codeLines(all, 3) >= 3 || hasFunctionDefinition(all)) {
            out.add("code");
        }
        if (hasInlineCode(all)) {
            out.add("code_inline");
        }
        if (!system.isBlank()) {
            out.add("has_system");
        }
        if (userTurns > 1) {
            out.add("multi_turn");
        }
        int length = all.strip().length();
        if (length < 60) {
            out.add("short");
        }
        if (length > 2000) {
            out.add("long");
        }
        String trimmed = last.strip();
        if (hasTextInput(trimmed)) {
            out.add("text_input");
            if (hasPastedText(trimmed)) {
                out.add("pasted_text");
            }
        }
        String firstLine = trimmed.lines().findFirst().orElse("").strip();
        if (isQuestion(trimmed) || isQuestion(firstLine)) {
            out.add("question");
        }
        if ((all.contains("http") || all.contains("www.")) && URL.matcher(all).find()) {
            out.add("url");
        }
        if (hasMath(all)) {
            out.add("math");
        }
        if (numbers(all, 3) >= 3) {
            out.add("numbers");
        }
        if ((all.contains("{{") || all.indexOf('<') >= 0) && TEMPLATE_VARS.matcher(all).find()) {
            out.add("template_vars");
        }
        if (all.indexOf('*') >= 0 && ASTERISK_ACTION.matcher(all).find()) {
            out.add("asterisk_action");
        }
        if (all.indexOf('{') >= 0 && JSON.matcher(all).find()) {
            out.add("json");
        }
        if (hasHan(all)) {
            out.add("cjk");
        }
        // Only in the user's own first turn: "You are a helpful assistant..." system prompts are app
        // templates of every category, while a user who opens with "act as X" asks for a persona.
        String firstUser = firstUserTurn(request);
        if (PERSONA.matcher(firstUser).find()) {
            out.add("persona");
        }
        if (hasNamedPersona(firstUser)) {
            out.add("named_persona");
        }
        return out;
    }

    /**
     * Whether the turn opens by giving the model a named character ({@link #NAMED_PERSONA}).
     *
     * @param turn the first user turn (a prefix is enough)
     */
    static boolean hasNamedPersona(String turn) {
        java.util.regex.Matcher m = NAMED_PERSONA.matcher(turn);
        if (!m.find()) {
            return false;
        }
        String first = m.group(1).split("\\s+")[0];
        return !NOT_CHARACTERS.contains(first) && !NOT_CHARACTERS.contains(first.replaceAll("[,.’']+$", ""));
    }

    /**
     * Whether the turn is an instruction line followed by an input of any length: a first line of
     * at most 400 characters, then at least 15 more that are not white space ("Classify the
     * tweet as positive or negative.\n\n<the tweet>"). {@link #hasPastedText} is the long case.
     *
     * @param turn the turn, stripped of surrounding white space
     */
    static boolean hasTextInput(String turn) {
        int newline = turn.indexOf('\n');
        return newline > 0 && newline <= 400 && turn.substring(newline).strip().length() >= 15;
    }

    /**
     * Whether the turn is an instruction followed by a text to work on: a first line of at most
     * 400 characters, then at least 200 more ("Summarize the article.\n\n<the article>").
     *
     * @param turn the turn, stripped of surrounding white space
     */
    static boolean hasPastedText(String turn) {
        int newline = turn.indexOf('\n');
        return newline > 0 && newline <= 400 && turn.length() - newline > 200;
    }

    private static String firstUserTurn(Request request) {
        for (var m : request.messages()) {
            if (m.role() == org.promptcensus.api.Role.USER) {
                String c = m.content();
                return c.length() > 300 ? c.substring(0, 300) : c;
            }
        }
        return "";
    }

    private static boolean isQuestion(String s) {
        return s.endsWith("?") || s.endsWith("？");
    }

    /**
     * Counts lines that look like code ({@link #CODE_LINE}), up to {@code enough}. The pattern runs
     * only on lines that could match it: lines with code punctuation or opening with a keyword.
     * Most prose lines have neither, and a regex scan of each is most of the cost of long prompts.
     */
    static int codeLines(String s, int enough) {
        int n = 0;
        int start = 0;
        while (n < enough && start <= s.length()) {
            int end = lineEnd(s, start);
            if (mayBeCode(s, start, end) && CODE_LINE.matcher(s.substring(start, end)).find()) {
                n++;
            }
            start = end + 1;
        }
        return n;
    }

    /** @return the index of the line terminator ending the line at {@code start} (as the pattern's {@code $} sees them) */
    private static int lineEnd(String s, int start) {
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return s.length();
    }

    private static final String CODE_PUNCTUATION = ";{}:>=/#";
    private static final List<String> CODE_KEYWORDS = List.of("def", "class", "import", "from", "return", "if", "for",
            "while", "public", "private", "static", "const", "let", "var", "function", "package", "using", "fn", "func",
            "SELECT", "INSERT", "UPDATE", "CREATE", "echo", "sudo", "npm", "pip", "git");

    private static boolean mayBeCode(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (CODE_PUNCTUATION.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        int first = start;
        while (first < end && Character.isWhitespace(s.charAt(first))) {
            first++;
        }
        for (String k : CODE_KEYWORDS) {
            if (s.startsWith(k, first)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasFunctionDefinition(String s) {
        return s.indexOf('(') >= 0 && (s.contains("def") || s.contains("func") || s.contains("fn"))
                && FUNCTION_DEF.matcher(s).find();
    }

    /**
     * Whether the text holds code inside a sentence: a method call on an object ({@code x.map(},
     * {@code np.mean(}), an empty call ({@code main()}), a call of a snake_case name
     * ({@code make_predictions(}), an arrow ({@code =>}), a scope operator ({@code std::vector}) or
     * an exception name ({@code TypeError}, {@code NullPointerException}). Formulas such as
     * {@code f(x) = x + 1} or {@code sin(x)} are not code.
     */
    static boolean hasInlineCode(String s) {
        if (s.contains("=>")) {
            return true;
        }
        for (int i = s.indexOf('('); i >= 0; i = s.indexOf('(', i + 1)) {
            int start = i;
            while (start > 0 && isIdentifierChar(s.charAt(start - 1))) {
                start--;
            }
            if (start == i || !isAsciiLetter(s.charAt(start))) {
                continue;
            }
            boolean dotted = start > 1 && s.charAt(start - 1) == '.' && isIdentifierChar(s.charAt(start - 2));
            boolean emptyCall = i - start >= 2 && i + 1 < s.length() && s.charAt(i + 1) == ')';
            boolean snake = s.lastIndexOf('_', i - 2) > start;
            if (dotted || emptyCall || snake) {
                return true;
            }
        }
        for (int i = s.indexOf("::"); i >= 0; i = s.indexOf("::", i + 2)) {
            if (i > 0 && i + 2 < s.length() && isAsciiLetter(s.charAt(i - 1)) && isAsciiLetter(s.charAt(i + 2))) {
                return true;
            }
        }
        return hasExceptionName(s, "Error") || hasExceptionName(s, "Exception");
    }

    /** A CamelCase word ending in {@code suffix}: {@code TypeError}, {@code IOException}. */
    private static boolean hasExceptionName(String s, String suffix) {
        for (int i = s.indexOf(suffix); i >= 0; i = s.indexOf(suffix, i + 1)) {
            int end = i + suffix.length();
            if (i > 0 && isAsciiLetter(s.charAt(i - 1)) && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentifierChar(char c) {
        return c == '_' || c == '$' || (c < 128 && Character.isLetterOrDigit(c));
    }

    private static final String[] LATEX = {"frac", "sum", "int", "sqrt", "lim", "alpha", "beta", "theta", "pi", "cdot", "times"};

    /**
     * Whether {@link #MATH} occurs in the text, by one scan that looks at an alternative only where
     * its first character stands (the pattern tries its seven alternatives at every position).
     */
    static boolean hasMath(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                for (String w : LATEX) {
                    if (s.startsWith(w, i + 1)) {
                        return true;
                    }
                }
            } else if (c == '$') {
                for (int j = i + 1; j < n && j <= i + 81; j++) {
                    char d = s.charAt(j);
                    if (d == '$') {
                        if (j > i + 1) {
                            return true;
                        }
                        break;
                    }
                    if (d == '\n') {
                        break;
                    }
                }
            } else if (c >= '0' && c <= '9') {
                if (wordBoundaryBefore(s, i)) {
                    int j = i;
                    while (j < n && isDigit(s.charAt(j))) {
                        j++;
                    }
                    j = skipSpace(s, j);
                    if (j < n && "-+*/^=×÷".indexOf(s.charAt(j)) >= 0) {
                        j = skipSpace(s, j + 1);
                        if (j < n && isDigit(s.charAt(j))) {
                            return true;
                        }
                    }
                }
            } else if (c >= 'a' && c <= 'z') {
                int j = skipSpace(s, i + 1);
                if (j < n && s.charAt(j) == '^') {
                    int k = skipSpace(s, j + 1);
                    if (k < n && isDigit(s.charAt(k))) {
                        return true;
                    }
                }
                if ((c == 'x' || c == 'y' || c == 'z') && wordBoundaryBefore(s, i) && j < n && "=+-".indexOf(s.charAt(j)) >= 0) {
                    int k = skipSpace(s, j + 1);
                    if (k < n && isDigit(s.charAt(k))) {
                        return true;
                    }
                }
            } else if ("∫∑√≤≥≠∞π".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code \b} before a word character at {@code i}, as java.util.regex decides it. */
    private static boolean wordBoundaryBefore(String s, int i) {
        if (i == 0) {
            return true;
        }
        int ch = Character.codePointBefore(s, i);
        boolean word = ch == '_' || Character.isLetterOrDigit(ch)
                || (Character.getType(ch) == Character.NON_SPACING_MARK && hasBaseCharacter(s, i - 1));
        return !word;
    }

    private static boolean hasBaseCharacter(String s, int i) {
        for (int x = i; x >= 0; x--) {
            int ch = Character.codePointAt(s, x);
            if (Character.isLetterOrDigit(ch)) {
                return true;
            }
            if (Character.getType(ch) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }

    /** Skips {@code \s} (space, tab, line breaks, vertical tab, form feed). */
    private static int skipSpace(String s, int i) {
        while (i < s.length() && " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** Counts numbers as {@link #NUMBER} finds them ({@code 12}, {@code 3.5}, {@code 1,000}), up to {@code enough}. */
    static int numbers(String s, int enough) {
        int n = 0;
        int i = 0;
        while (n < enough && i < s.length()) {
            if (!isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            n++;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            if (i + 1 < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',') && isDigit(s.charAt(i + 1))) {
                i++;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    i++;
                }
            }
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Han lies above U+2E80; the script lookup is a binary search, so skip it below.
            if (c >= '\u2E80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }
}
