package org.promptcensus.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.util.TimeUtils;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Command-line parameters as {@code --name value} (or {@code --name=value}) and bare flags. Each
 * getter consumes its parameter; {@link #requireAllConsumed()} then rejects whatever is left, so a
 * misspelt parameter is an error, not silently ignored. Not thread-safe.
 */
final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Args(String[] args, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw usage("unexpected argument '" + a + "'; parameters are --name value");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (flags.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw usage("--" + name + " needs a value");
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    String string(String name, String defaultValue) {
        List<String> v = values.remove(name);
        if (v == null) {
            return defaultValue;
        }
        if (v.size() > 1) {
            throw usage("--" + name + " given " + v.size() + " times");
        }
        return v.get(0);
    }

    String required(String name, String why) {
        String v = string(name, null);
        if (v == null || v.isBlank()) {
            throw usage("--" + name + " is required " + why);
        }
        return v;
    }

    /** @return every value of a repeatable parameter, comma-separated values split */
    List<String> list(String name, List<String> defaultValue) {
        List<String> v = values.remove(name);
        if (v == null) {
            return defaultValue;
        }
        List<String> out = new ArrayList<>();
        for (String s : v) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** @return every value of a repeatable parameter, as given */
    List<String> all(String name) {
        List<String> v = values.remove(name);
        return v == null ? List.of() : v;
    }

    /** @return {@code KEY=VALUE} values of a repeatable parameter */
    Map<String, String> pairs(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : all(name)) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw usage("--" + name + " takes KEY=VALUE, got '" + s + "'");
            }
            out.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        return out;
    }

    boolean flag(String name) {
        String v = string(name, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw usage("--" + name + " is true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    int integer(String name, int defaultValue, int min) {
        String v = string(name, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw usage("--" + name + " must be at least " + min + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw usage("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    /** @return a duration such as {@code 10 s}, {@code 5min}, {@code 1h} or {@code PT1H} */
    Duration duration(String name, Duration defaultValue) {
        String v = string(name, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return v.startsWith("P") ? Duration.parse(v) : TimeUtils.parseDuration(v);
        } catch (RuntimeException e) {
            throw usage("--" + name + " must be a duration such as 10s, 5min or 1h, got '" + v + "'");
        }
    }

    void requireAllConsumed() {
        if (!values.isEmpty()) {
            throw usage("unknown parameters: --" + String.join(", --", values.keySet()));
        }
    }

    static CensusException usage(String message) {
        return new CensusException(ErrorCode.BAD_USAGE, message);
    }
}
