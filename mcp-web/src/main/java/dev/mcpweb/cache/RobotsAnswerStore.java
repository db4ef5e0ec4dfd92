package dev.mcpweb.cache;

import dev.mcpweb.fetch.RobotsStore;
import java.io.IOException;
import java.util.Optional;

/** The {@code robots} namespace as the fetcher's {@link RobotsStore}: answers live {@code cache.robots_ttl}. */
final class RobotsAnswerStore implements RobotsStore {
    private static final TieredCache.Codec<Answer> CODEC = TieredCache.Codec.of(
            RobotsStore::decode,
            answer -> answer.decides() ? Optional.of(RobotsStore.encode(answer)) : Optional.empty());

    private final TieredCache cache;

    RobotsAnswerStore(TieredCache cache) {
        this.cache = cache;
    }

    @Override
    public Answer answer(String robotsUrl, Load load) throws IOException, InterruptedException {
        return cache.getOrCompute(Namespace.ROBOTS, robotsUrl, CODEC, load::load)
                .value();
    }
}
