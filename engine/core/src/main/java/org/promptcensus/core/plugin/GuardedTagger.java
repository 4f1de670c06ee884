package org.promptcensus.core.plugin;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.promptcensus.api.Request;
import org.promptcensus.api.spi.Contribution;
import org.promptcensus.api.spi.Tagger;

/**
 * A plugin tagger that remembers which plugin it came from, and counts the records it threw on
 * (keeping the first cause), for error messages. What the delegate throws is rethrown: the engine
 * decides what a failure means for the record.
 *
 * <p>Thread-safe if the delegate is: the failure counters are.
 */
public final class GuardedTagger implements Tagger {
    private final String pluginId;
    private final Tagger delegate;
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    GuardedTagger(String pluginId, Tagger delegate) {
        this.pluginId = pluginId;
        this.delegate = delegate;
    }

    /** @return the id of the plugin that provides this tagger */
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public List<Contribution> tag(Request request, String lang) {
        try {
            return delegate.tag(request, lang);
        } catch (RuntimeException | LinkageError e) {
            failures.increment();
            firstFailure.compareAndSet(null, PluginHost.rootMessage(e) + " (request " + request.id() + ")");
            throw e;
        }
    }

    /** @return the number of records this tagger threw on so far */
    public long failureCount() {
        return failures.sum();
    }

    /**
     * @return one line naming the plugin, the tagger, how many records it failed on and the first
     *         cause, or empty when it never failed
     */
    public Optional<String> failureSummary() {
        long n = failures.sum();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format("plugin %s: tagger %s threw on %,d record%s, first: %s; those records keep the other "
                + "stages' tags and carry a plugin_failed:%s warning", pluginId, id(), n, n == 1 ? "" : "s", firstFailure.get(), pluginId));
    }
}
