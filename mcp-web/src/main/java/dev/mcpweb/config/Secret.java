package dev.mcpweb.config;

/** A secret value that never prints itself: {@link #toString()} is masked, {@link #reveal()} is explicit. */
public record Secret(String value, String source) {
    public String reveal() {
        return value;
    }

    public String masked() {
        return Config.mask(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
