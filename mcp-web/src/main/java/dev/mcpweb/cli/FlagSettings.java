package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options a command's own flags set, each remembered with the flag that set it, so that a bad
 * value is reported against the flag the user typed ({@code --max-length}), not a made-up one.
 */
final class FlagSettings {
    private record Setting(String flag, String value) {}

    private final Map<String, Setting> byOption = new LinkedHashMap<>();

    /** Records {@code option} = {@code value} as set by {@code flag}; a null value (flag not given) is skipped. */
    FlagSettings put(String flag, String option, Object value) {
        if (value != null) {
            byOption.put(option, new Setting(flag, value.toString()));
        }
        return this;
    }

    FlagSettings putAll(FlagSettings other) {
        byOption.putAll(other.byOption);
        return this;
    }

    Config applyTo(Config config) {
        Config out = config;
        for (Map.Entry<String, Setting> e : byOption.entrySet()) {
            out = out.with(
                    Map.of(e.getKey(), e.getValue().value()),
                    "flag " + e.getValue().flag());
        }
        return out;
    }
}
