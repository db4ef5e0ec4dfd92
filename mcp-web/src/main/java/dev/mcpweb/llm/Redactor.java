package dev.mcpweb.llm;

import dev.mcpweb.config.Secret;
import java.util.Optional;

/** Removes the API key from any text that may reach a log or a user: error bodies, messages. */
record Redactor(Optional<Secret> key) {
    String redact(String text) {
        if (text == null || key.isEmpty() || key.get().reveal().isEmpty()) {
            return text == null ? "" : text;
        }
        return text.replace(key.get().reveal(), key.get().masked());
    }
}
